namespace Spm.Infrastructure.Activities;

/// <summary>What kind of selling activity was logged. Stored by name.</summary>
public enum ActivityKind
{
    Call = 1,
    Email = 2,
    Meeting = 3,
    Demo = 4,
    Visit = 5,
}
