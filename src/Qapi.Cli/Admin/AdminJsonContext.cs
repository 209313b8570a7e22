using System.Text.Json.Serialization;
using Qapi.Client.Models.Admin;

namespace Qapi.Cli.Admin;

/// <summary>JSON of the files the admin commands write and read, and of the admin answers they read typed.</summary>
[JsonSourceGenerationOptions(WriteIndented = true)]
[JsonSerializable(typeof(CredentialsFile))]
[JsonSerializable(typeof(AdminKeyInfo))]
[JsonSerializable(typeof(List<AdminKeyInfo>))]
[JsonSerializable(typeof(AdminKeyCreatedResponse))]
[JsonSerializable(typeof(AuditPageResponse))]
[JsonSerializable(typeof(List<AuditEntryInfo>))]
internal sealed partial class AdminJsonContext : JsonSerializerContext;
