namespace CreditPower.ServiceDefaults;

/// <summary>
/// Names of the AppHost's resources, shared by the AppHost, the services and the tests, so a
/// connection string or a service-discovery name is spelled in one place.
/// </summary>
public static class ResourceNames
{
    public const string Postgres = "postgres";
    public const string RabbitMq = "rabbitmq";
    public const string Redis = "redis";

    public const string GradingDb = "grading-db";
    public const string ApplicationsDb = "applications-db";
    public const string NotificationsDb = "notifications-db";
    public const string ValueAddedDb = "valueadded-db";
    public const string PortalDb = "portal-db";

    public const string Grading = "grading";
    public const string Applications = "applications";
    public const string Notifications = "notifications";
    public const string ValueAdded = "valueadded";
    public const string Portal = "portal";
    public const string GatewaySimulator = "gateway-simulator";

    public const string JwtSigningKey = "jwt-signing-key";
    public const string StaffDevPassword = "staff-dev-password";
    public const string BillingFeedApiKey = "billing-feed-api-key";
    public const string SmsAccessKeyId = "sms-access-key-id";
    public const string SmsAccessKeySecret = "sms-access-key-secret";
    public const string SmsReceiptToken = "sms-receipt-token";
    public const string WeChatAppId = "wechat-app-id";
    public const string WeChatAppSecret = "wechat-app-secret";
    public const string WeChatServerToken = "wechat-server-token";
    public const string SimulatorControlKey = "simulator-control-key";
}
