namespace Spm.Api.Features.Access;

/// <summary>What signed in.</summary>
public enum CallerKind
{
    Person,
    Client,
    Display,
}
