using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CreditPower.Applications.Features.DrcReport;

internal static class CreateDrcBatch
{
    /// <summary>Reports every signed, not yet reported letter now, as the next numbered batch.</summary>
    public static async Task<Results<Created<DrcBatchResponse>, ProblemHttpResult>> Handle(
        ClaimsPrincipal user, DrcBatchWriter writer, CancellationToken cancellationToken)
    {
        var batch = await writer.WriteAsync(user.Identity?.Name ?? "unknown", scheduledFor: null, cancellationToken);
        return batch is null
            ? TypedResults.Problem(title: "没有待报送的承诺书", detail: "所有已签署的信用承诺书均已报送，无需生成新批次。", statusCode: StatusCodes.Status409Conflict)
            : TypedResults.Created($"/api/drc/commitment-batches/{batch.Sequence}", DrcBatchResponse.From(batch));
    }
}
