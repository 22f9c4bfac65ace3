using GraphQL.Types;

namespace Spm.Api.Graph;

/// <summary>An enum type whose every value carries a description (the schema is the documentation).</summary>
public abstract class DescribedEnumGraphType<TEnum> : EnumerationGraphType<TEnum>
    where TEnum : struct, Enum
{
    protected DescribedEnumGraphType(string name, string description, IReadOnlyDictionary<TEnum, string> valueDescriptions)
    {
        ArgumentNullException.ThrowIfNull(valueDescriptions);
        Name = name;
        Description = description;
        foreach (var value in Values)
        {
            value.Description = valueDescriptions[(TEnum)value.Value!];
        }
    }
}
