namespace CreditPower.Notifications.Domain;

/// <summary>What one phone call to a customer came to.</summary>
public enum CallOutcome
{
    /// <summary>已接通: the customer heard the reminder.</summary>
    Reached = 1,

    /// <summary>无人接听: try again on the next working day.</summary>
    NoAnswer = 2,

    /// <summary>号码错误: the number is not the customer's.</summary>
    WrongNumber = 3,

    /// <summary>拒绝沟通: the customer answered but would not listen.</summary>
    Refused = 4,
}
