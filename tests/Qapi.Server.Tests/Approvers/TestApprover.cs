namespace Qapi.Server.Tests.Approvers;

/// <summary>An approver enrolled for a test: the member, the key's id and its private key.</summary>
public sealed record TestApprover(string Username, string MemberId, string KeyId, string PrivateKey);
