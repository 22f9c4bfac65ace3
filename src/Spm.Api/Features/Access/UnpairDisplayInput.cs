namespace Spm.Api.Features.Access;

/// <summary>Input of `unpairDisplay`.</summary>
public sealed record UnpairDisplayInput(string Id);
