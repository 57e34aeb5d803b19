using CreditPower.ServiceDefaults.Dates;

namespace CreditPower.Grading.Features.BillingFeed;

/// <summary>How late a paid bill was (bills fall due on a Beijing calendar day), and which event of DOMAIN.md §4's payment area that makes.</summary>
internal static class LatePayment
{
    /// <summary>Paid arrears stay on record for three months after payment (DOMAIN.md §4: "until paid, then 3 months").</summary>
    public const int ArrearsMonthsAfterPayment = 3;

    public const string ArrearsOutstanding = "arrears-outstanding";

    public static int DaysLate(DateOnly dueDate, DateTimeOffset paidAt) =>
        ChinaDates.Day(paidAt).DayNumber - dueDate.DayNumber;

    /// <summary>The late-payment event type for a bill paid <paramref name="daysLate"/> days after its due date; null when on time.</summary>
    public static string? EventTypeFor(int daysLate) => daysLate switch
    {
        <= 0 => null,
        <= 15 => "late-payment-1-15",
        <= 30 => "late-payment-16-30",
        _ => "late-payment-over-30",
    };

    /// <summary>A bill becomes overdue at the start of the local day after its due date.</summary>
    public static DateTimeOffset OverdueFrom(DateOnly dueDate) => ChinaDates.StartOf(dueDate.AddDays(1));

    /// <summary>How a billing event names its bill; the arrears of a bill are found again by it when the bill is paid.</summary>
    public static string BillEvidence(string billId) => $"账单 {billId}";
}
