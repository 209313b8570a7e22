namespace Qapi.Cli.Commands.Admin;

/// <summary>What <c>approver enroll</c> was given, for enrolling through a server.</summary>
internal sealed record ServerEnrollInput(
    string? Member,
    string? Account,
    string? Agent,
    string? Name,
    string? Output);
