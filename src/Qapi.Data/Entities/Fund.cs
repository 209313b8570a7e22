namespace Qapi.Data.Entities;

/// <summary>A collection of wallets with fund-level policies.</summary>
public sealed class Fund
{
    public required string Id { get; init; }
    public required string AccountId { get; init; }
    public required string Name { get; set; }
    public string Description { get; set; } = "";
    public bool Archived { get; set; }
    public required string TxPolicyId { get; set; }
    public required string WithdrawPolicyId { get; set; }
    public long CreatedAt { get; init; }
    public Policy? TxPolicy { get; init; }
    public Policy? WithdrawPolicy { get; init; }
    public List<Wallet> Wallets { get; init; } = [];
}
