using Qapi.Server.Tests.Support;

namespace Qapi.Server.Tests.Admin;

/// <summary>A person who signed up: their account, mnemonic and admin key, and a client signing with it.</summary>
public sealed record AdminPerson(
    string Id, string Username, string KeyId, string Secret, string Mnemonic, AdminClient Client);
