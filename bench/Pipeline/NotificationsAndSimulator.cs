namespace CreditPower.Bench.Pipeline;

/// <summary>
/// Notifications and the gateway simulator as Release processes, wired to each other as the AppHost wires them: the
/// SMS provider and WeChat pointed at the simulator with a per-run key pair and app secret, receipts pushed back to
/// Notifications' callback with a per-run token, the simulator's control API behind a per-run key, and quiet hours
/// off. Both the --sms and the --full-path modes start them here.
/// </summary>
internal sealed class NotificationsAndSimulator : IDisposable
{
    private const string AccessKeyId = "LTAI5tCreditPowerBench";
    private const string WeChatAppId = "wx7c3ea21f9d4b6e58";

    private NotificationsAndSimulator(ServiceProcess simulator, ServiceProcess notifications, string controlKey)
    {
        (Simulator, Notifications, ControlKey) = (simulator, notifications, controlKey);
    }

    public ServiceProcess Simulator { get; }

    public ServiceProcess Notifications { get; }

    /// <summary>What the simulator's control API (/simulator) wants in X-Simulator-Key.</summary>
    public string ControlKey { get; }

    /// <summary>Builds the simulator, then Notifications, in Release unless told not to: one after another, never at once.</summary>
    public static async Task<(string Simulator, string Notifications)> BuildAsync(bool noBuild, CancellationToken cancellationToken)
    {
        var simulator = await ServiceProcess.BuildAsync(Path.Combine("src", "Simulators", "GatewaySimulator"), "CreditPower.GatewaySimulator", noBuild, cancellationToken);
        var notifications = await ServiceProcess.BuildAsync(Path.Combine("src", "Services", "Notifications"), "CreditPower.Notifications", noBuild, cancellationToken);
        return (simulator, notifications);
    }

    /// <summary>
    /// Starts the simulator, then Notifications with its wiring plus <paramref name="environment"/> (its connection
    /// strings, signing key, --set settings), which wins where both name a key.
    /// </summary>
    public static async Task<NotificationsAndSimulator> StartAsync(
        (string Simulator, string Notifications) dlls, IReadOnlyDictionary<string, string> environment, CancellationToken cancellationToken)
    {
        var (keySecret, receiptToken, appSecret, controlKey) = (ServiceProcess.Secret(), ServiceProcess.Secret(), ServiceProcess.Secret(), ServiceProcess.Secret());
        var (simulatorPort, notificationsPort) = (ServiceProcess.FreePort(), ServiceProcess.FreePort());
        var simulator = await ServiceProcess.StartAsync("gateway simulator", dlls.Simulator, simulatorPort, new Dictionary<string, string>
        {
            ["Sms__AccessKeys__0__Id"] = AccessKeyId,
            ["Sms__AccessKeys__0__Secret"] = keySecret,
            // Receipts go back to Notifications as in the AppHost: their updates compete with the dispatcher's.
            ["Sms__ReceiptCallbackUrl"] = $"http://127.0.0.1:{notificationsPort}/api/callbacks/sms-reports?token={receiptToken}",
            ["WeChat__AppId"] = WeChatAppId,
            ["WeChat__AppSecret"] = appSecret,
            ["Simulator__ControlKey"] = controlKey,
        }, cancellationToken);
        try
        {
            var wired = new Dictionary<string, string>
            {
                ["Sms__BaseUrl"] = simulator.Url,
                ["Sms__AccessKeyId"] = AccessKeyId,
                ["Sms__AccessKeySecret"] = keySecret,
                ["Sms__ReceiptToken"] = receiptToken,
                ["WeChat__BaseUrl"] = simulator.Url,
                ["WeChat__AppId"] = WeChatAppId,
                ["WeChat__AppSecret"] = appSecret,
                // A run at night must not be held until 08:00 (DOMAIN.md §6 quiet hours).
                ["Dispatch__QuietHoursEnabled"] = "false",
            };
            foreach (var (name, value) in environment)
            {
                wired[name] = value;
            }

            var notifications = await ServiceProcess.StartAsync("notifications", dlls.Notifications, notificationsPort, wired, cancellationToken);
            return new NotificationsAndSimulator(simulator, notifications, controlKey);
        }
        catch
        {
            simulator.Dispose();
            throw;
        }
    }

    /// <summary>A client of the simulator's control API (its stats and the messages it received).</summary>
    public HttpClient Control(TimeSpan timeout)
    {
        var http = new HttpClient { BaseAddress = new Uri(Simulator.Url), Timeout = timeout };
        http.DefaultRequestHeaders.Add("X-Simulator-Key", ControlKey);
        return http;
    }

    public void Dispose()
    {
        Notifications.Dispose();
        Simulator.Dispose();
    }
}
