using System.Globalization;
using System.Reflection;
using Spm.Bench;

// `./spm bench NAME [ARGS]` runs one suite; without a name it lists them.
var suites = Assembly.GetExecutingAssembly().GetTypes()
    .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IBenchmark).IsAssignableFrom(t))
    .Select(t => (IBenchmark)Activator.CreateInstance(t)!)
    .OrderBy(s => s.Name, StringComparer.Ordinal)
    .ToList();

if (args.Length == 0 || suites.All(s => s.Name != args[0]))
{
    Console.WriteLine("usage: ./spm bench <suite> [args]");
    foreach (var suite in suites)
    {
        Console.WriteLine($"  {suite.Name,-12} {suite.Summary}");
    }

    return args.Length == 0 ? 0 : 2;
}

Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"machine: {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}"));
using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};
await suites.Single(s => s.Name == args[0]).RunAsync(new BenchContext { Arguments = args[1..] }, cancel.Token);
return 0;
