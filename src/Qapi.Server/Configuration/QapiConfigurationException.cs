namespace Qapi.Server.Configuration;

/// <summary>
/// A setting the server cannot start with. Its message names the setting and the values it accepts, and never
/// quotes a secret; <c>qapi</c> prints it as one line and exits without starting anything.
/// </summary>
public sealed class QapiConfigurationException(string message) : Exception(message);
