namespace Qapi.Data.Audit;

/// <summary>
/// Who is making changes in this scope. The HTTP host sets it from the authenticated key; the operator's CLI
/// sets <c>operator</c>.
/// </summary>
public sealed class AuditActor
{
    public string Name { get; set; } = "operator";
}
