using System.Diagnostics.CodeAnalysis;

namespace Qapi.Core.Evm;

/// <summary>The outcome of validating Web3 transaction fields: a request, or every field error found.</summary>
public sealed class EvmTransactionRequestResult
{
    private EvmTransactionRequestResult(EvmTransactionRequest? request, IReadOnlyList<EvmFieldError> errors)
    {
        Request = request;
        Errors = errors;
    }

    /// <summary>The validated request, when <see cref="IsValid"/>.</summary>
    public EvmTransactionRequest? Request { get; }

    /// <summary>The field errors, in field order; empty when <see cref="IsValid"/>.</summary>
    public IReadOnlyList<EvmFieldError> Errors { get; }

    /// <summary>Whether the fields were all valid.</summary>
    [MemberNotNullWhen(true, nameof(Request))]
    public bool IsValid => Request is not null;

    internal static EvmTransactionRequestResult Success(EvmTransactionRequest request) => new(request, []);

    internal static EvmTransactionRequestResult Failure(IReadOnlyList<EvmFieldError> errors) => new(null, errors);
}
