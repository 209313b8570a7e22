using Qapi.Server.Tests.Support;

[assembly: AssemblyFixture(typeof(EthersSignedTransactionCheck))]
