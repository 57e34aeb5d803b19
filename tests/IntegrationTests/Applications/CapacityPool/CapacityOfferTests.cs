using CreditPower.Applications.Domain;
using CreditPower.Contracts;
using CreditPower.IntegrationTests.Hosting;
using CreditPower.ServiceDefaults;
using CreditPower.ServiceDefaults.Security;
using CreditPower.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace CreditPower.IntegrationTests.Applications.CapacityPool;

/// <summary>
/// DOMAIN.md §7: when public capacity opens it is offered to the waiting applications, honest customers (green
/// channel) first, then by submission time; every allocation and release is in the pool's ledger.
/// </summary>
[Collection(ServicesCollectionDefinition.Name)]
public sealed class CapacityOfferTests(ServicesFixture services) : IDisposable
{
    private readonly HttpClient _clerk = services.CreateClientAs(ResourceNames.Applications, "clerk-capacity", Roles.Clerk);
    private readonly HttpClient _officer = services.CreateClientAs(ResourceNames.Applications, "officer-capacity", Roles.CreditOfficer);

    [Fact]
    public async Task A_request_that_fits_is_allocated_at_once_and_one_that_does_not_waits_its_turn()
    {
        var pool = await services.CreatePoolAsync(total: 3);
        var (first, _) = await services.SubmitApplicationAsync("淮阴区先到机械有限公司");
        var (second, _) = await services.SubmitApplicationAsync("淮阴区后到机械有限公司");

        var allocated = await _clerk.RequestCapacityOkAsync(pool, first, 2);
        var waiting = await _clerk.RequestCapacityOkAsync(pool, second, 2);

        Assert.Equal("allocated", allocated.GetProperty("status").GetString());
        Assert.Equal(2, allocated.GetProperty("held").GetInt32());
        Assert.Equal("waiting", waiting.GetProperty("status").GetString());
        Assert.Equal(0, waiting.GetProperty("held").GetInt32());
        Assert.Equal(1, waiting.GetProperty("position").GetInt32());

        var read = await _clerk.GetJsonAsync($"/api/capacity/pools/{pool}");
        Assert.Equal(3, read.GetProperty("pool").GetProperty("total").GetInt32());
        Assert.Equal(2, read.GetProperty("pool").GetProperty("allocated").GetInt32());
        Assert.Equal(1, read.GetProperty("pool").GetProperty("free").GetInt32());
        Assert.Equal([second], CapacitySteps.WaitingOrder(read));
        Assert.Equal([first], CapacitySteps.Holders(read));
        (await services.ReadPoolStateAsync(pool)).AssertConsistent();

        var listed = (await _clerk.GetJsonAsync("/api/capacity/pools")).EnumerateArray().Single(p => p.GetProperty("id").GetGuid() == pool);
        Assert.Equal("substationBay", listed.GetProperty("kind").GetString());
        Assert.Equal("个间隔", listed.GetProperty("unit").GetString());
        Assert.Equal(1, listed.GetProperty("free").GetInt32());
        Assert.Equal(1, listed.GetProperty("waiting").GetInt32());
        var ofSecond = await _clerk.GetJsonAsync($"/api/capacity/applications/{second}");
        var only = Assert.Single(ofSecond.EnumerateArray());
        Assert.Equal(pool, only.GetProperty("poolId").GetGuid());
        Assert.Equal("waiting", only.GetProperty("status").GetString());
        Assert.Equal(1, only.GetProperty("position").GetInt32());
    }

    [Fact]
    public async Task A_natural_persons_resident_id_is_masked_in_the_queue()
    {
        var pool = await services.CreatePoolAsync(total: 1);
        await _clerk.RequestCapacityOkAsync(pool, (await services.SubmitApplicationAsync("淮阴区占用间隔有限公司")).Id, 1);
        var residentId = TestIdentifiers.NewResidentId();
        var person = await _clerk.PostJsonAsync("/api/applications", new
        {
            subjectKind = "naturalPerson",
            identifier = residentId,
            applicantName = "张三",
            type = "newConnection",
            capacityKva = 8,
            address = ApplicationSteps.Address,
            propertyProof = new { documentType = "不动产权证书", documentNumber = "苏(2026)淮安市不动产权第0054321号" },
        }, System.Net.HttpStatusCode.Created);

        var request = await _clerk.RequestCapacityOkAsync(pool, person.GetProperty("id").GetGuid(), 1);
        var queue = await _clerk.GetJsonAsync($"/api/capacity/pools/{pool}");

        foreach (var shown in new[] { request.GetProperty("identifier").GetString(), queue.GetProperty("waiting")[0].GetProperty("identifier").GetString() })
        {
            Assert.NotEqual(residentId, shown);
            Assert.Contains("*", shown, StringComparison.Ordinal);
            Assert.StartsWith(residentId[..3], shown, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Released_capacity_goes_to_the_green_channel_first_then_by_submission_time_and_the_ledger_records_each_move()
    {
        var pool = await services.CreatePoolAsync(total: 3);
        var (holder, _) = await services.SubmitApplicationAsync("淮阴区占用间隔有限公司");
        var holding = await _clerk.RequestCapacityOkAsync(pool, holder, 3);
        var (ordinaryEarly, _) = await services.SubmitApplicationAsync("淮阴区普通先受理有限公司");
        var (ordinaryLate, _) = await services.SubmitApplicationAsync("淮阴区普通后受理有限公司");
        var (honestLatest, _) = await services.SubmitApplicationAsync("淮阴区守信最后受理有限公司", honest: true);
        // Asked in the reverse of the offer order: the order comes from the applications, not from who asked first.
        foreach (var application in new[] { ordinaryLate, honestLatest, ordinaryEarly })
        {
            Assert.Equal("waiting", (await _clerk.RequestCapacityOkAsync(pool, application, 1)).GetProperty("status").GetString());
        }

        var queue = await _clerk.GetJsonAsync($"/api/capacity/pools/{pool}");
        Assert.Equal([honestLatest, ordinaryEarly, ordinaryLate], CapacitySteps.WaitingOrder(queue));
        Assert.Equal([1, 2, 3], queue.GetProperty("waiting").EnumerateArray().Select(w => w.GetProperty("position").GetInt32()));
        Assert.Equal([true, false, false], queue.GetProperty("waiting").EnumerateArray().Select(w => w.GetProperty("greenChannel").GetBoolean()));

        var firstRelease = await _officer.ReleaseAsync(holding.GetProperty("id").GetGuid(), 1);
        var afterFirst = await _clerk.GetJsonAsync($"/api/capacity/pools/{pool}");
        Assert.Equal([ordinaryEarly, ordinaryLate], CapacitySteps.WaitingOrder(afterFirst));
        Assert.Contains(honestLatest, CapacitySteps.Holders(afterFirst));
        Assert.Single(firstRelease.GetProperty("allocatedRequestIds").EnumerateArray());

        await _officer.ReleaseAsync(holding.GetProperty("id").GetGuid(), 1);
        var afterSecond = await _clerk.GetJsonAsync($"/api/capacity/pools/{pool}");
        Assert.Equal([ordinaryLate], CapacitySteps.WaitingOrder(afterSecond));
        Assert.Equal(3, afterSecond.GetProperty("pool").GetProperty("allocated").GetInt32());

        var state = await services.ReadPoolStateAsync(pool);
        state.AssertConsistent();
        var moves = state.Ledger.Select(e => (e.Kind, e.Amount, e.ApplicationId)).ToList();
        Assert.Equal(
        [
            (CapacityLedgerKind.Added, 3, null),
            (CapacityLedgerKind.Allocated, 3, holder),
            (CapacityLedgerKind.Released, 1, holder),
            (CapacityLedgerKind.Allocated, 1, honestLatest),
            (CapacityLedgerKind.Released, 1, holder),
            (CapacityLedgerKind.Allocated, 1, ordinaryEarly),
        ], moves);
        Assert.All(state.Ledger.Where(e => e.Kind != CapacityLedgerKind.Added),
            e => Assert.True(e.By is "clerk-capacity" or "officer-capacity", e.By));
        Assert.Equal("officer-capacity", state.Ledger[3].By);
        Assert.Contains("绿色通道", state.Ledger[3].Reason, StringComparison.Ordinal);
        Assert.Equal(1, state.Requests.Single(r => r.ApplicationId == holder).Held);
    }

    [Fact]
    public async Task Added_capacity_is_offered_first_fit_a_request_too_big_for_it_keeps_its_place_at_the_head()
    {
        var pool = await services.CreatePoolAsync(total: 0, kind: "lineCapacity");
        var (big, _) = await services.SubmitApplicationAsync("淮阴区大容量需求有限公司", honest: true);
        var (small, _) = await services.SubmitApplicationAsync("淮阴区小容量需求有限公司");
        // A pool with nothing in it yet: any request is above its total.
        await Api.AssertFieldErrorAsync(await _clerk.RequestCapacityAsync(pool, big, 800), "amount");
        using var supervisor = services.CreateClientAs(ResourceNames.Applications, "supervisor-capacity", Roles.Supervisor);
        await supervisor.PostJsonAsync($"/api/capacity/pools/{pool}/additions", new { amount = 1000, reason = "10kV 公用线路投运" }, System.Net.HttpStatusCode.OK);
        var holder = await _clerk.RequestCapacityOkAsync(pool, (await services.SubmitApplicationAsync("淮阴区先占容量有限公司")).Id, 1000);
        Assert.Equal("allocated", holder.GetProperty("status").GetString());
        var bigRequest = await _clerk.RequestCapacityOkAsync(pool, big, 800);
        var smallRequest = await _clerk.RequestCapacityOkAsync(pool, small, 315);

        var added = await _officer.PostJsonAsync($"/api/capacity/pools/{pool}/additions", new { amount = 400, reason = "线路增容改造完成" }, System.Net.HttpStatusCode.OK);

        Assert.Equal([smallRequest.GetProperty("id").GetGuid()], added.GetProperty("allocatedRequestIds").EnumerateArray().Select(i => i.GetGuid()));
        Assert.Equal(1400, added.GetProperty("pool").GetProperty("total").GetInt32());
        Assert.Equal(1315, added.GetProperty("pool").GetProperty("allocated").GetInt32());
        Assert.Equal("kVA", added.GetProperty("pool").GetProperty("unit").GetString());
        var read = await _clerk.GetJsonAsync($"/api/capacity/pools/{pool}");
        Assert.Equal([big], CapacitySteps.WaitingOrder(read));

        // Enough frees at once: the big request, still first in line, takes it.
        await _officer.ReleaseAsync(holder.GetProperty("id").GetGuid(), 1000, "用户减容，释放线路容量");
        var after = await _clerk.GetJsonAsync($"/api/capacity/pools/{pool}");
        Assert.Empty(CapacitySteps.WaitingOrder(after));
        Assert.Contains(big, CapacitySteps.Holders(after));
        Assert.DoesNotContain(holder.GetProperty("applicationId").GetGuid(), CapacitySteps.Holders(after));
        Assert.Equal(1115, after.GetProperty("pool").GetProperty("allocated").GetInt32());
        Assert.Equal(bigRequest.GetProperty("id").GetGuid(), after.GetProperty("holding").EnumerateArray()
            .Single(h => h.GetProperty("applicationId").GetGuid() == big).GetProperty("id").GetGuid());
        (await services.ReadPoolStateAsync(pool)).AssertConsistent();
    }

    [Fact]
    public async Task A_subject_turning_green_over_the_bus_moves_its_waiting_request_ahead_and_it_is_offered_first()
    {
        var pool = await services.CreatePoolAsync(total: 2);
        var holding = await _clerk.RequestCapacityOkAsync(pool, (await services.SubmitApplicationAsync("淮阴区占满间隔有限公司")).Id, 2);
        var (earlier, _) = await services.SubmitApplicationAsync("淮阴区较早受理有限公司");
        var (later, laterUscc) = await services.SubmitApplicationAsync("淮阴区较晚受理后转绿有限公司");
        await _clerk.RequestCapacityOkAsync(pool, earlier, 1);
        await _clerk.RequestCapacityOkAsync(pool, later, 1);
        Assert.Equal([earlier, later], CapacitySteps.WaitingOrder(await _clerk.GetJsonAsync($"/api/capacity/pools/{pool}")));

        await services.PublishGradeAsync(laterUscc, CreditColour.Green);

        var queue = await Eventually.GetAsync(
            () => _clerk.GetJsonAsync($"/api/capacity/pools/{pool}"),
            p => CapacitySteps.WaitingOrder(p).FirstOrDefault() == later,
            "the honest customer's request to move to the head of the queue");
        Assert.Equal([later, earlier], CapacitySteps.WaitingOrder(queue));
        Assert.True(queue.GetProperty("waiting")[0].GetProperty("greenChannel").GetBoolean());

        await _officer.ReleaseAsync(holding.GetProperty("id").GetGuid(), 1);
        var after = await _clerk.GetJsonAsync($"/api/capacity/pools/{pool}");
        Assert.Contains(later, CapacitySteps.Holders(after));
        Assert.Equal([earlier], CapacitySteps.WaitingOrder(after));

        // And back: turning red takes it out of the green channel; the next release goes by submission time again.
        var (latest, latestUscc) = await services.SubmitApplicationAsync("淮阴区最晚受理守信有限公司", honest: true);
        await _clerk.RequestCapacityOkAsync(pool, latest, 1);
        Assert.Equal([latest, earlier], CapacitySteps.WaitingOrder(await _clerk.GetJsonAsync($"/api/capacity/pools/{pool}")));
        await services.PublishGradeAsync(latestUscc, CreditColour.Red);
        await Eventually.GetAsync(
            () => _clerk.GetJsonAsync($"/api/capacity/pools/{pool}"),
            p => CapacitySteps.WaitingOrder(p).SequenceEqual([earlier, latest]),
            "the downgraded customer's request to fall behind the earlier submission");
        (await services.ReadPoolStateAsync(pool)).AssertConsistent();
    }

    [Fact]
    public async Task An_application_that_closes_while_waiting_leaves_the_queue_at_the_next_offer()
    {
        var pool = await services.CreatePoolAsync(total: 1);
        var holding = await _clerk.RequestCapacityOkAsync(pool, (await services.SubmitApplicationAsync("淮阴区占用唯一间隔有限公司")).Id, 1);
        var (closing, _) = await services.SubmitApplicationAsync("淮阴区排队中办结有限公司", honest: true);
        var (next, _) = await services.SubmitApplicationAsync("淮阴区排队等候有限公司");
        await _clerk.RequestCapacityOkAsync(pool, closing, 1);
        await _clerk.RequestCapacityOkAsync(pool, next, 1);
        await CloseAsync(closing);

        Assert.Equal([next], CapacitySteps.WaitingOrder(await _clerk.GetJsonAsync($"/api/capacity/pools/{pool}")));
        await _officer.ReleaseAsync(holding.GetProperty("id").GetGuid(), 1);

        var state = await services.ReadPoolStateAsync(pool);
        state.AssertConsistent();
        Assert.Equal(CapacityRequestStatus.Ended, state.Requests.Single(r => r.ApplicationId == closing).Status);
        Assert.Equal(CapacityRequestStatus.Allocated, state.Requests.Single(r => r.ApplicationId == next).Status);
    }

    [Fact]
    public async Task The_pool_list_counts_only_requests_of_open_applications_as_waiting_as_the_pools_page_does()
    {
        var pool = await services.CreatePoolAsync(total: 1);
        await _clerk.RequestCapacityOkAsync(pool, (await services.SubmitApplicationAsync("淮阴区占用间隔计数有限公司")).Id, 1);
        var (closing, _) = await services.SubmitApplicationAsync("淮阴区排队后办结计数有限公司");
        var (open, _) = await services.SubmitApplicationAsync("淮阴区仍在排队计数有限公司");
        await _clerk.RequestCapacityOkAsync(pool, closing, 1);
        await _clerk.RequestCapacityOkAsync(pool, open, 1);
        // Closed with no offer since: its request is still "waiting" in the database until the pool next moves.
        await CloseAsync(closing);

        var listed = (await _clerk.GetJsonAsync("/api/capacity/pools")).EnumerateArray().Single(p => p.GetProperty("id").GetGuid() == pool);
        var detail = await _clerk.GetJsonAsync($"/api/capacity/pools/{pool}");

        Assert.Equal(CapacityRequestStatus.Waiting, (await services.ReadPoolStateAsync(pool)).Requests.Single(r => r.ApplicationId == closing).Status);
        Assert.Equal(1, listed.GetProperty("waiting").GetInt32());
        Assert.Equal(1, detail.GetProperty("pool").GetProperty("waiting").GetInt32());
        Assert.Equal([open], CapacitySteps.WaitingOrder(detail));
    }

    [Fact]
    public async Task An_application_waiting_in_two_pools_is_told_its_place_in_each()
    {
        var bays = await services.CreatePoolAsync(total: 1);
        var line = await services.CreatePoolAsync(total: 100, kind: "lineCapacity");
        await _clerk.RequestCapacityOkAsync(bays, (await services.SubmitApplicationAsync("淮阴区占用间隔两池有限公司")).Id, 1);
        await _clerk.RequestCapacityOkAsync(line, (await services.SubmitApplicationAsync("淮阴区占用线路两池有限公司")).Id, 100);
        var (ahead, _) = await services.SubmitApplicationAsync("淮阴区先排间隔两池有限公司");
        var (both, _) = await services.SubmitApplicationAsync("淮阴区两池排队有限公司");
        await _clerk.RequestCapacityOkAsync(bays, ahead, 1);
        await _clerk.RequestCapacityOkAsync(bays, both, 1);
        await _clerk.RequestCapacityOkAsync(line, both, 50);

        var requests = (await _clerk.GetJsonAsync($"/api/capacity/applications/{both}")).EnumerateArray()
            .ToDictionary(r => r.GetProperty("poolId").GetGuid(), r => (r.GetProperty("status").GetString(), r.GetProperty("position").GetInt32()));

        Assert.Equal(2, requests.Count);
        Assert.Equal(("waiting", 2), requests[bays]);
        Assert.Equal(("waiting", 1), requests[line]);
    }

    public void Dispose()
    {
        _clerk.Dispose();
        _officer.Dispose();
    }

    /// <summary>
    /// The application lifecycle is another feature's; the test sets the final stage in the database, as its
    /// completion would.
    /// </summary>
    private Task<int> CloseAsync(Guid applicationId) =>
        services.Applications.QueryAsync(async db =>
        {
            var application = await db.Set<ConnectionApplication>().SingleAsync(a => a.Id == applicationId, Api.Cancellation);
            application.Stage = ApplicationStage.Completed;
            return await db.SaveChangesAsync(Api.Cancellation);
        });
}
