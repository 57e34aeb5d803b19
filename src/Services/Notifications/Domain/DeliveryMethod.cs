namespace CreditPower.Notifications.Domain;

/// <summary>How a notice letter travels to the customer.</summary>
public enum DeliveryMethod
{
    /// <summary>挂号信.</summary>
    RegisteredMail = 1,

    /// <summary>EMS 特快专递.</summary>
    Ems = 2,

    /// <summary>当面送达.</summary>
    InPerson = 3,
}
