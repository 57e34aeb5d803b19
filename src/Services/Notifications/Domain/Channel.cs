namespace CreditPower.Notifications.Domain;

public enum Channel
{
    Sms = 1,
    WeChat = 2,
    PhoneCall = 3,
    Letter = 4,
}
