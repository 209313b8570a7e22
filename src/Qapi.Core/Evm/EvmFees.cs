namespace Qapi.Core.Evm;

/// <summary>
/// How a transaction pays for gas, which also fixes its type: <see cref="EvmLegacyFees"/> (a gas price, EIP-155)
/// or <see cref="EvmEip1559Fees"/> (fee caps, type 2).
/// </summary>
public abstract record EvmFees
{
    // Only the two fee styles in this assembly exist; a third would need its own serialization.
    private protected EvmFees()
    {
    }
}
