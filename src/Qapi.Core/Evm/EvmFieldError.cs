namespace Qapi.Core.Evm;

/// <summary>
/// A rejected request field: its JSON name and a reason that completes a sentence starting with that name.
/// </summary>
/// <param name="Field">The field's name as it appears on the wire, for example <c>maxFeePerGas</c>.</param>
/// <param name="Reason">What is wrong, for example <c>must not exceed 2^256-1</c>.</param>
public sealed record EvmFieldError(string Field, string Reason)
{
    /// <summary>The whole sentence, for example <c>value must not exceed 2^256-1</c>.</summary>
    public override string ToString() => $"{Field} {Reason}";
}
