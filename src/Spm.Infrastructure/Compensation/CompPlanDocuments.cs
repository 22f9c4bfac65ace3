using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Spm.Domain.Common;
using Spm.Domain.Compensation;

namespace Spm.Infrastructure.Compensation;

/// <summary>
/// Between stored plan versions and the engine's <see cref="CompPlan"/>. The row's columns (plan id, version,
/// dates) are the truth; the document carries the rules. Every write goes through the engine's parser, so a
/// document that is stored is a document the engine accepts.
/// </summary>
public static class CompPlanDocuments
{
    /// <summary>
    /// Validates <paramref name="document"/> as the rules of a version and returns the normalised document
    /// (the engine's own writer, identity fields set from the row). Throws COMP_PLAN_INVALID naming the JSON path.
    /// </summary>
    public static (CompPlan Plan, string Document) Normalise(string document, Guid planId, int version, string name, DateOnly effectiveFrom, DateOnly? effectiveTo)
    {
        ArgumentNullException.ThrowIfNull(document);
        JsonObject root;
        try
        {
            root = JsonNode.Parse(document, documentOptions: new JsonDocumentOptions { MaxDepth = 16 }) as JsonObject
                ?? throw new DomainException("COMP_PLAN_INVALID", "$: must be a JSON object", "$");
        }
        catch (JsonException e)
        {
            throw new DomainException("COMP_PLAN_INVALID", $"$: is not valid JSON ({e.Message})", "$");
        }

        // The identity and dates are the row's: a document copied from another plan or version cannot contradict them.
        root["planId"] = planId.ToString();
        root["version"] = version;
        root["name"] ??= name;
        root["effectiveFrom"] = effectiveFrom.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        root["effectiveTo"] = effectiveTo?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var plan = CompPlanJson.Parse(root.ToJsonString());
        return (plan, CompPlanJson.Write(plan));
    }

    /// <summary>The engine's plan of a stored version, dates from the columns (publishing may have closed it).</summary>
    public static CompPlan ToPlan(StoredCompPlanVersion version)
    {
        ArgumentNullException.ThrowIfNull(version);
        return CompPlanJson.Parse(version.Document) with
        {
            PlanId = version.PlanId,
            Version = version.Version,
            EffectiveFrom = version.EffectiveFrom,
            EffectiveTo = version.EffectiveTo,
        };
    }
}
