namespace Qapi.Server.Admin;

/// <summary>
/// The admin API's log messages (4100s: accounts, members, invitations). Ids only: never a mnemonic, a secret,
/// a public key or a request body.
/// </summary>
internal static partial class AdminLog
{
    public const string Category = "Qapi.Server.Admin";

    [LoggerMessage(EventId = 4100, Level = LogLevel.Information,
        Message = "Signed up person {AccountId} with admin key {KeyId}")]
    public static partial void SignedUp(ILogger logger, string accountId, string keyId);

    [LoggerMessage(EventId = 4101, Level = LogLevel.Warning, Message = "Refused a sign-up: sign-up is closed")]
    public static partial void SignupClosed(ILogger logger);

    [LoggerMessage(EventId = 4110, Level = LogLevel.Information,
        Message = "Person {PersonId} founded organization {OrganizationId}")]
    public static partial void OrganizationFounded(ILogger logger, string personId, string organizationId);

    [LoggerMessage(EventId = 4111, Level = LogLevel.Information,
        Message = "Person {PersonId} changed the profile of account {AccountId}")]
    public static partial void ProfileChanged(ILogger logger, string personId, string accountId);

    [LoggerMessage(EventId = 4120, Level = LogLevel.Information,
        Message = "{Change} member {UserId} of organization {OrganizationId} by {PersonId}")]
    public static partial void MemberChanged(
        ILogger logger, string change, string userId, string organizationId, string personId);

    [LoggerMessage(EventId = 4130, Level = LogLevel.Information,
        Message = "Person {PersonId} {Answer} the invitation of account {AccountId}")]
    public static partial void InvitationAnswered(ILogger logger, string personId, string answer, string accountId);

    [LoggerMessage(EventId = 4140, Level = LogLevel.Information,
        Message = "{Change} trusted party {PartyId} of account {AccountId}")]
    public static partial void TrustedPartyChanged(ILogger logger, string change, string partyId, string accountId);

    [LoggerMessage(EventId = 4150, Level = LogLevel.Information,
        Message = "Enrolled approver key {ApproverKeyId} for {ApproverId} in account {AccountId} by {PersonId}")]
    public static partial void ApproverKeyEnrolled(
        ILogger logger, string approverKeyId, string approverId, string accountId, string personId);

    [LoggerMessage(EventId = 4151, Level = LogLevel.Information,
        Message = "Created signing agent {AgentId} of account {AccountId} by {PersonId}")]
    public static partial void SigningAgentCreated(ILogger logger, string agentId, string accountId, string personId);

    public static ILogger For(HttpContext context) =>
        context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(Category);
}
