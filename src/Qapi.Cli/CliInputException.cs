namespace Qapi.Cli;

/// <summary>Input the operator has to correct; reported as one line on standard error with exit code 2.</summary>
public sealed class CliInputException(string message) : Exception(message);
