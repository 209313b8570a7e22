using Qapi.Server.Hosting;

var app = QapiApp.Create(args);
await app.RunAsync();

/// <summary>The entry point, public so that tests can host the server.</summary>
public partial class Program;
