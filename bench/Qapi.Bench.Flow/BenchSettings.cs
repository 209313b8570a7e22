using System.Globalization;

namespace Qapi.Bench.Flow;

/// <summary>The driver's command line.</summary>
internal sealed record BenchSettings(
    IReadOnlyList<int> Concurrency,
    TimeSpan Prewarm,
    TimeSpan Warmup,
    TimeSpan Window,
    IReadOnlyList<string> ServerArgs,
    bool KeepData)
{
    public const string Usage = """
        Usage: Qapi.Bench.Flow [--concurrency 8,16,32,64] [--prewarm 30] [--warmup 5] [--duration 15]
                               [--server-arg --Qapi:Some:Setting=value]... [--keep-data]
        """;

    public static BenchSettings Parse(string[] args)
    {
        var settings = new BenchSettings([8, 16, 32, 64], TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(5),
            TimeSpan.FromSeconds(15), [],
            KeepData: false);
        var serverArgs = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : null;
            settings = args[i] switch
            {
                "--concurrency" when value is not null => settings with
                {
                    Concurrency = value.Split(',').Select(c => int.Parse(c, CultureInfo.InvariantCulture)).ToList(),
                },
                "--prewarm" when value is not null => settings with { Prewarm = Seconds(value) },
                "--warmup" when value is not null => settings with { Warmup = Seconds(value) },
                "--duration" when value is not null => settings with { Window = Seconds(value) },
                "--server-arg" when value is not null => Add(settings, serverArgs, value),
                "--keep-data" => settings with { KeepData = true },
                _ => throw new ArgumentException($"Unknown or incomplete argument {args[i]}.\n{Usage}"),
            };
            i += args[i] == "--keep-data" ? 0 : 1;
        }

        if (settings.Concurrency.Any(c => c is < 1 or > 1024) || settings.Window <= TimeSpan.Zero)
        {
            throw new ArgumentException($"Concurrency is 1 to 1024 and the duration positive.\n{Usage}");
        }

        return settings with { ServerArgs = serverArgs };
    }

    private static TimeSpan Seconds(string text) =>
        TimeSpan.FromSeconds(double.Parse(text, CultureInfo.InvariantCulture));

    private static BenchSettings Add(BenchSettings settings, List<string> serverArgs, string arg)
    {
        serverArgs.Add(arg);
        return settings;
    }
}
