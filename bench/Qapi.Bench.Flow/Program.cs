using Qapi.Bench.Flow;

// `serve` is the server half, started by the driver as a child process; anything else runs the benchmark.
return args is ["serve", .. var rest]
    ? await BenchServer.RunAsync(rest)
    : await FlowBenchmark.RunAsync(args);
