using Spm.Domain.Common;

namespace Spm.Domain.Territories;

/// <summary>Validates rules and turns them into delegates, resolving attribute names once instead of per account.</summary>
internal static class RuleCompiler
{
    public static void Validate(RuleExpression rule, string territoryName)
    {
        switch (rule)
        {
            case EqualsRule r:
                TextAttribute(r.Attribute, "equals", territoryName);
                break;
            case InListRule r:
                TextAttribute(r.Attribute, "in list", territoryName);
                if (r.Values is null || r.Values.Count == 0)
                {
                    throw new DomainException("TERRITORY_RULE_EMPTY", $"Territory '{territoryName}': the in-list rule on '{r.Attribute}' has no values.");
                }

                break;
            case PostalPrefixRule r:
                if (r.Prefixes is null || r.Prefixes.Count == 0 || r.Prefixes.Any(string.IsNullOrEmpty))
                {
                    throw new DomainException("TERRITORY_RULE_EMPTY", $"Territory '{territoryName}': the postal-code prefix rule needs non-empty prefixes.");
                }

                break;
            case RangeRule r:
                NumericAttribute(r.Attribute, territoryName);
                if (r.Min is null && r.Max is null)
                {
                    throw new DomainException("TERRITORY_RULE_EMPTY", $"Territory '{territoryName}': the range rule on '{r.Attribute}' has neither a minimum nor a maximum.");
                }

                if (r.Min > r.Max)
                {
                    throw new DomainException("TERRITORY_RULE_RANGE", $"Territory '{territoryName}': the range rule on '{r.Attribute}' has minimum {r.Min} above maximum {r.Max}.");
                }

                break;
            case AllOfRule r:
                Operands(r.Operands, "AND", territoryName);
                break;
            case AnyOfRule r:
                Operands(r.Operands, "OR", territoryName);
                break;
            default:
                throw new DomainException("TERRITORY_RULE_UNKNOWN", $"Territory '{territoryName}': unsupported rule {rule?.GetType().Name ?? "null"}.");
        }
    }

    public static Func<AccountAttributes, bool> Compile(RuleExpression rule)
    {
        switch (rule)
        {
            case EqualsRule r:
                {
                    var get = TextGetter(Parse(r.Attribute));
                    var value = r.Value;
                    return a => string.Equals(get(a), value, StringComparison.OrdinalIgnoreCase);
                }

            case InListRule r:
                {
                    var get = TextGetter(Parse(r.Attribute));
                    var values = new HashSet<string>(r.Values, StringComparer.OrdinalIgnoreCase);
                    return a => get(a) is { } v && values.Contains(v);
                }

            case PostalPrefixRule r:
                {
                    var prefixes = r.Prefixes.ToArray();
                    return a =>
                    {
                        if (a.PostalCode is not { } code)
                        {
                            return false;
                        }

                        foreach (var prefix in prefixes)
                        {
                            if (code.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
                            {
                                return true;
                            }
                        }

                        return false;
                    };
                }

            case RangeRule r:
                {
                    var attribute = Parse(r.Attribute);
                    var min = r.Min ?? decimal.MinValue;
                    var max = r.Max ?? decimal.MaxValue;
                    return attribute switch
                    {
                        AccountField.EmployeeCount => a => a.EmployeeCount >= min && a.EmployeeCount <= max,
                        AccountField.AnnualRevenue => a => a.AnnualRevenue >= min && a.AnnualRevenue <= max,
                        _ => a => a.Potential >= min && a.Potential <= max,
                    };
                }

            case AllOfRule r:
                {
                    var operands = r.Operands.Select(Compile).ToArray();
                    return a =>
                    {
                        foreach (var operand in operands)
                        {
                            if (!operand(a))
                            {
                                return false;
                            }
                        }

                        return true;
                    };
                }

            case AnyOfRule r:
                {
                    var operands = r.Operands.Select(Compile).ToArray();
                    return a =>
                    {
                        foreach (var operand in operands)
                        {
                            if (operand(a))
                            {
                                return true;
                            }
                        }

                        return false;
                    };
                }

            default:
                throw new DomainException("TERRITORY_RULE_UNKNOWN", $"Unsupported rule {rule?.GetType().Name ?? "null"}.");
        }
    }

    public static AccountField Parse(string name) =>
        AccountFields.TryParse(name, out var attribute)
            ? attribute
            : throw new DomainException("TERRITORY_RULE_UNKNOWN_ATTRIBUTE", $"Unknown account attribute '{name}'.");

    private static Func<AccountAttributes, string?> TextGetter(AccountField attribute) => attribute switch
    {
        AccountField.Country => a => a.Country,
        AccountField.Region => a => a.Region,
        AccountField.County => a => a.County,
        AccountField.City => a => a.City,
        AccountField.PostalCode => a => a.PostalCode,
        _ => a => a.Industry,
    };

    private static void TextAttribute(string name, string op, string territoryName)
    {
        var attribute = Known(name, territoryName);
        if (AccountFields.IsNumeric(attribute))
        {
            throw new DomainException("TERRITORY_RULE_TYPE", $"Territory '{territoryName}': '{name}' is numeric; the {op} operator needs a text attribute (use a range).");
        }
    }

    private static void NumericAttribute(string name, string territoryName)
    {
        var attribute = Known(name, territoryName);
        if (!AccountFields.IsNumeric(attribute))
        {
            throw new DomainException("TERRITORY_RULE_TYPE", $"Territory '{territoryName}': '{name}' is text; a numeric range needs employeeCount, annualRevenue or potential.");
        }
    }

    private static AccountField Known(string name, string territoryName) =>
        AccountFields.TryParse(name, out var attribute)
            ? attribute
            : throw new DomainException("TERRITORY_RULE_UNKNOWN_ATTRIBUTE", $"Territory '{territoryName}': unknown account attribute '{name}'.");

    private static void Operands(IReadOnlyList<RuleExpression> operands, string op, string territoryName)
    {
        if (operands is null || operands.Count == 0)
        {
            throw new DomainException("TERRITORY_RULE_EMPTY", $"Territory '{territoryName}': an {op} rule needs at least one operand.");
        }

        foreach (var operand in operands)
        {
            Validate(operand, territoryName);
        }
    }
}
