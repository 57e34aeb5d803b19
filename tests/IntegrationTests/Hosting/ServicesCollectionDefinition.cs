using CreditPower.TestSupport;

// One PostgreSQL, RabbitMQ and Redis for the whole run.
[assembly: AssemblyFixture(typeof(RealServersFixture))]

namespace CreditPower.IntegrationTests.Hosting;

[CollectionDefinition(Name)]
public sealed class ServicesCollectionDefinition : ICollectionFixture<ServicesFixture>
{
    /// <summary>
    /// Every test that uses the services: one collection, so they run one after another and the broker-outage test
    /// never stops RabbitMQ under another test's messages.
    /// </summary>
    public const string Name = "services";
}
