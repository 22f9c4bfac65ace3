namespace Spm.Bench;

/// <summary>
/// One `./spm bench NAME` suite. Implementations are found by reflection, so adding a suite
/// touches no shared list. Each prints a compact table and, where it names a target, whether
/// the measured figure met it, next to its baseline measured in the same run.
/// </summary>
internal interface IBenchmark
{
    /// <summary>The name after `./spm bench`.</summary>
    string Name { get; }

    /// <summary>One line for `./spm bench` without a name.</summary>
    string Summary { get; }

    Task RunAsync(BenchContext context, CancellationToken cancellationToken);
}
