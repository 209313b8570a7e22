namespace Qapi.Server.Approvers;

/// <summary>Who signed a request on the approvers' channel: the enrolled key and the member it belongs to.</summary>
public sealed record ApproverCaller(string KeyId, string MemberId)
{
    /// <summary>The authenticated approver of a request that passed the channel's authentication.</summary>
    public static ApproverCaller Of(HttpContext context) =>
        context.Features.Get<ApproverCaller>() ?? throw new InvalidOperationException("No authenticated approver.");
}
