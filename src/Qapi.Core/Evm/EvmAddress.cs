using System.Diagnostics.CodeAnalysis;
using Nethereum.Util;
using Qapi.Core.Evm.Internal;

namespace Qapi.Core.Evm;

/// <summary>A 20-byte EVM account address. <see cref="ToString"/> gives its EIP-55 checksummed form.</summary>
public sealed class EvmAddress : IEquatable<EvmAddress>
{
    /// <summary>The length of an address in bytes.</summary>
    public const int Length = 20;

    private readonly byte[] _bytes;
    private readonly string _checksummed;

    private EvmAddress(byte[] bytes)
    {
        _bytes = bytes;
        _checksummed = AddressUtil.Current.ConvertToChecksumAddress(Convert.ToHexStringLower(bytes));
    }

    /// <summary>The 20 address bytes.</summary>
    public ReadOnlySpan<byte> Bytes => _bytes;

    /// <summary>An address from its 20 bytes.</summary>
    public static EvmAddress FromBytes(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length != Length)
        {
            throw new ArgumentException($"An address is {Length} bytes, not {bytes.Length}.", nameof(bytes));
        }

        return new EvmAddress(bytes.ToArray());
    }

    /// <summary>
    /// Parses <c>0x</c> and 40 hex digits. All-lowercase and all-uppercase digits are taken as they are; mixed case
    /// must match the EIP-55 checksum, because mixed case is how a client says "this is checksummed" and a mismatch
    /// means a typo. On failure <paramref name="reason"/> completes a sentence that starts with the field's name.
    /// </summary>
    public static bool TryParse(
        string? text,
        [NotNullWhen(true)] out EvmAddress? address,
        [NotNullWhen(false)] out string? reason)
    {
        address = null;
        reason = Check(text);
        if (reason is not null)
        {
            return false;
        }

        address = new EvmAddress(Convert.FromHexString(text!.AsSpan(2)));
        return true;
    }

    /// <summary>Parses an address that is known to be valid, such as a constant.</summary>
    /// <exception cref="FormatException">The text is not a valid address.</exception>
    public static EvmAddress Parse(string text) =>
        TryParse(text, out var address, out var reason) ? address : throw new FormatException($"Address {reason}.");

    /// <summary>The EIP-55 checksummed form, <c>0x</c> and 40 hex digits.</summary>
    public override string ToString() => _checksummed;

    /// <inheritdoc />
    public bool Equals(EvmAddress? other) => other is not null && _bytes.AsSpan().SequenceEqual(other._bytes);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as EvmAddress);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.AddBytes(_bytes);
        return hash.ToHashCode();
    }

    private static string? Check(string? text)
    {
        if (text is null)
        {
            return "must be present";
        }

        if (text.Length == 0)
        {
            return "must not be empty";
        }

        if (HexText.HasWhiteSpace(text))
        {
            return "must not contain whitespace";
        }

        if (!text.StartsWith("0x", StringComparison.Ordinal))
        {
            return "must start with 0x";
        }

        var digits = text.AsSpan(2);
        if (!HexText.IsAllHex(digits))
        {
            return "must contain only hex digits after 0x";
        }

        if (digits.Length != 2 * Length)
        {
            return "must be 20 bytes: 40 hex digits after 0x";
        }

        var hasLower = digits.ContainsAnyInRange('a', 'f');
        var hasUpper = digits.ContainsAnyInRange('A', 'F');
        if (hasLower && hasUpper && !AddressUtil.Current.IsChecksumAddress(text))
        {
            return "must match its EIP-55 checksum (mixed-case hex is read as checksummed)";
        }

        return null;
    }
}
