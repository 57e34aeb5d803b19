using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace CreditPower.Notifications.Data.Migrations
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "call_tasks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    SubjectId = table.Column<Guid>(type: "uuid", nullable: false),
                    SubjectName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    SubjectKind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    SubjectIdentifier = table.Column<string>(type: "character varying(18)", maxLength: 18, nullable: false),
                    Trigger = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Script = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    TemplateVersion = table.Column<int>(type: "integer", nullable: false),
                    ContactLogEntryId = table.Column<Guid>(type: "uuid", nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    DueAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ClosedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_call_tasks", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "channel_preferences",
                columns: table => new
                {
                    SubjectId = table.Column<Guid>(type: "uuid", nullable: false),
                    SmsEnabled = table.Column<bool>(type: "boolean", nullable: false),
                    WeChatEnabled = table.Column<bool>(type: "boolean", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_channel_preferences", x => x.SubjectId);
                });

            migrationBuilder.CreateTable(
                name: "contact_log",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    SubjectId = table.Column<Guid>(type: "uuid", nullable: false),
                    Identifier = table.Column<string>(type: "character varying(18)", maxLength: 18, nullable: true),
                    Channel = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Trigger = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    DedupeKey = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    TemplateCode = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    TemplateVersion = table.Column<int>(type: "integer", nullable: false),
                    Parameters = table.Column<string>(type: "jsonb", nullable: false),
                    Content = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    NextAttemptAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    Recipient = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    ProviderMessageId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    LastError = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    SentAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    DeliveredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_contact_log", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "inbox_messages",
                columns: table => new
                {
                    message_id = table.Column<Guid>(type: "uuid", nullable: false),
                    consumer = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    processed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_inbox_messages", x => new { x.message_id, x.consumer });
                });

            migrationBuilder.CreateTable(
                name: "letter_sequences",
                columns: table => new
                {
                    year = table.Column<int>(type: "integer", nullable: false),
                    last_serial = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_letter_sequences", x => x.year);
                });

            migrationBuilder.CreateTable(
                name: "letters",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Serial = table.Column<int>(type: "integer", nullable: false),
                    Number = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    SubjectId = table.Column<Guid>(type: "uuid", nullable: false),
                    SubjectName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    SubjectKind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    SubjectIdentifier = table.Column<string>(type: "character varying(18)", maxLength: 18, nullable: false),
                    Colour = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Score = table.Column<int>(type: "integer", nullable: false),
                    Reasons = table.Column<string>(type: "jsonb", nullable: false),
                    RuleVersion = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    EffectiveAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Trigger = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    IssuedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RectifyBy = table.Column<DateOnly>(type: "date", nullable: false),
                    ObjectBy = table.Column<DateOnly>(type: "date", nullable: false),
                    Issuer = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Paragraphs = table.Column<string>(type: "jsonb", nullable: false),
                    ContactLogEntryId = table.Column<Guid>(type: "uuid", nullable: false),
                    PrintedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    PrintedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    DeliveryMethod = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    TrackingNumber = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    SentOn = table.Column<DateOnly>(type: "date", nullable: true),
                    DeliveryRecordedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    ReceiptSignedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    ReceiptSignedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ReceiptRecordedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    ReceiptRecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_letters", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "notice_templates",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Code = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    Body = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_notice_templates", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "outbox_messages",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    message_type = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    body = table.Column<string>(type: "jsonb", nullable: false),
                    trace_parent = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    sent_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    attempts = table.Column<int>(type: "integer", nullable: false),
                    last_error = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_outbox_messages", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "subject_contacts",
                columns: table => new
                {
                    SubjectId = table.Column<Guid>(type: "uuid", nullable: false),
                    Identifier = table.Column<string>(type: "character varying(18)", maxLength: 18, nullable: true),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Mobile = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    Accounts = table.Column<string>(type: "jsonb", nullable: false),
                    ChangedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_subject_contacts", x => x.SubjectId);
                });

            migrationBuilder.CreateTable(
                name: "wechat_bindings",
                columns: table => new
                {
                    SubjectId = table.Column<Guid>(type: "uuid", nullable: false),
                    OpenId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ConsentedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    BoundAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    BoundBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_wechat_bindings", x => x.SubjectId);
                });

            migrationBuilder.CreateTable(
                name: "call_attempts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CallTaskId = table.Column<Guid>(type: "uuid", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    Outcome = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Notes = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    RecordedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_call_attempts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_call_attempts_call_tasks_CallTaskId",
                        column: x => x.CallTaskId,
                        principalTable: "call_tasks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.InsertData(
                table: "notice_templates",
                columns: new[] { "Id", "Body", "Code", "CreatedAt", "CreatedBy", "Note", "Version" },
                values: new object[,]
                {
                    { new Guid("21796897-8fb0-caf8-1b01-8027ff1b7fa5"), "{name}，您的用电信用等级已调整为黄色（{score} 分），请留意缴费和用电规范，及时改善信用状况。", "grade-yellow-wechat", new DateTimeOffset(new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)), "system", "初始版本", 1 },
                    { new Guid("234a7672-c329-eb5e-e38b-ad0b076e6096"), "【淮阴供电】尊敬的客户，您的“{service}”服务订单已于 {changedDate} 更新为：{status}。详情请咨询营业厅。", "service-order-sms", new DateTimeOffset(new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)), "system", "初始版本", 1 },
                    { new Guid("25baf1ef-d94d-d8b1-ab3c-ffe74d762d8c"), "经核查，你单位（户）存在以下情形：{reasons}。依据电力信用评价规则，你单位（户）当前电力信用评分为 {score} 分，自 {effectiveDate} 起电力信用等级调整为{colour}。", "letter-facts", new DateTimeOffset(new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)), "system", "初始版本", 1 },
                    { new Guid("30918e30-9818-52e9-d3e1-143cc188438f"), "失信行为纠正后连续 3 个月没有新的失信记录的，可向我单位申请信用修复。经审核同意修复的，相关记录在信用档案中标注为“已修复”，不再对外公示。", "letter-repair-red", new DateTimeOffset(new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)), "system", "初始版本", 1 },
                    { new Guid("349e081f-907f-1b38-7bf6-1aaefd81ac2a"), "{name}，您的用电信用等级已调整为{colour}，请查收书面告知函并按要求整改。", "grade-warning-wechat", new DateTimeOffset(new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)), "system", "初始版本", 1 },
                    { new Guid("3d934678-a848-fe9d-529f-8178da356000"), "【淮阴供电】尊敬的{name}，您的{applicationType}申请已于 {submittedDate} 受理{greenChannel}。我们将尽快安排现场勘查，请保持电话畅通。", "application-submitted-sms", new DateTimeOffset(new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)), "system", "初始版本", 1 },
                    { new Guid("4960f498-d0fc-39e1-1b61-d51ef1a00a61"), "失信行为纠正后连续 6 个月没有新的失信记录的，或一票否决事项的锁定期届满后，可向我单位申请信用修复。经审核同意修复的，相关记录在信用档案中标注为“已修复”，不再对外公示。", "letter-repair-black", new DateTimeOffset(new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)), "system", "初始版本", 1 },
                    { new Guid("6585c3cd-44e7-1f08-a46b-e7ce4f0ca193"), "电力信用等级为黑色期间，你单位（户）不能享受业扩报装绿色通道和增值用能服务，不适用信用承诺制办理用电业务，可能被要求安装预付费电能表或提供履约担保，我单位将加强用电检查，相关信用记录将推送至公共信用信息系统；存在欠费的，将依法依规履行停电程序。", "letter-consequences-black", new DateTimeOffset(new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)), "system", "初始版本", 1 },
                    { new Guid("78c6eb69-7132-a3bf-a75c-2083b39537b5"), "【淮阴供电】尊敬的{name}，您的用电申请已进入“{stage}”环节{dueDate}。如有疑问请咨询营业厅。", "application-stage-sms", new DateTimeOffset(new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)), "system", "初始版本", 1 },
                    { new Guid("8317a902-bbed-9526-f345-ffe3d7a93e81"), "请于 {rectifyBy} 前结清欠费、完成整改或纠正上述失信行为，并将整改情况书面告知我单位。", "letter-action", new DateTimeOffset(new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)), "system", "初始版本", 1 },
                    { new Guid("84a75c38-dbc2-8f40-6ecc-2e9917265046"), "《淮安市淮阴区电力领域社会信用体系建设工作方案》（2021 年 11 月 26 日发布）及我单位公示的电力信用评价规则（版本 {ruleVersion}）。按照该方案，对电力信用等级为红色或黑色的电力用户，以书面告知函进行提醒和警示。", "letter-basis", new DateTimeOffset(new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)), "system", "初始版本", 1 },
                    { new Guid("961dbc1d-e6a4-73cc-7d4e-fcb0aa443f11"), "您的“{service}”服务订单已更新为：{status}。", "service-order-wechat", new DateTimeOffset(new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)), "system", "初始版本", 1 },
                    { new Guid("98b5f798-a8c1-5aeb-1fdf-79f32c12f587"), "如对上述认定有异议，请于 {objectBy} 前（本函发出之日起 5 个工作日内）向我单位书面提出，并附相关证明材料。我单位将在 1 个工作日内受理、10 个工作日内作出决定；异议处理期间，相关记录标注为“异议处理中”。", "letter-objection", new DateTimeOffset(new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)), "system", "初始版本", 1 },
                    { new Guid("a1ea9aac-775d-fd57-e291-1b37e39eab53"), "{name}：因{reasons}，您的用电信用等级已调整为{colour}。我单位将寄送书面告知函（{number}），请按函中要求整改。", "grade-warning-letter", new DateTimeOffset(new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)), "system", "初始版本", 1 },
                    { new Guid("a6c9bd35-0064-571b-418f-1034571d0256"), "【淮阴供电】恭喜{name}，您的用电信用等级已提升为{colour}，可享受业扩报装绿色通道和增值用能服务。", "grade-upgrade-sms", new DateTimeOffset(new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)), "system", "初始版本", 1 },
                    { new Guid("bca48315-df8a-b1cf-534a-5e8de2754540"), "【淮阴供电】尊敬的{name}，您的用电信用等级已调整为{colour}，书面告知函将送达，请及时整改或提出异议。", "grade-warning-sms", new DateTimeOffset(new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)), "system", "初始版本", 1 },
                    { new Guid("c031a504-5796-7200-1673-b4ca7c670580"), "电力信用等级为红色期间，你单位（户）不能享受业扩报装绿色通道和增值用能服务，我单位将对你单位（户）加强用电检查。", "letter-consequences-red", new DateTimeOffset(new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)), "system", "初始版本", 1 },
                    { new Guid("dc5b48d1-9c52-930b-7f13-2a57c5e9167e"), "您好，请问是{name}的负责人（或本人）吗？我是淮阴供电营业部的工作人员。今天来电是提醒您：根据电力信用评价规则，您的用电信用等级已于 {effectiveDate} 调整为黄色（{score} 分），主要原因是：{reasons}。请您按时缴纳电费、规范用电；原因消除且连续 3 个月没有新的失信记录后，信用等级可以恢复。如对评价结果有异议，可以到营业厅或拨打供电服务电话提出。请问以上内容您是否清楚？感谢您的配合，再见。", "call-script-yellow", new DateTimeOffset(new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)), "system", "初始版本", 1 },
                    { new Guid("e0f8f6c9-36f0-e3db-f6cd-cdb971fa7eb7"), "{name}，您的{applicationType}申请已受理{greenChannel}，办理进度将通过短信和微信通知您。", "application-submitted-wechat", new DateTimeOffset(new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)), "system", "初始版本", 1 },
                    { new Guid("eda3c09e-a800-1d11-499a-4f5f8c0bc639"), "【淮阴供电】尊敬的{name}，您的用电信用等级已调整为黄色（{score} 分）。请按时缴纳电费、规范用电，详情可咨询营业厅。", "grade-yellow-sms", new DateTimeOffset(new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)), "system", "初始版本", 1 },
                    { new Guid("f276779d-90c0-8e6a-6784-0c847d99d1e6"), "{name}，您的用电申请已进入“{stage}”环节{dueDate}。", "application-stage-wechat", new DateTimeOffset(new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)), "system", "初始版本", 1 },
                    { new Guid("f650a88a-e3f5-0d20-bf06-dfa645aa8fbe"), "联系单位：{issuer}；地址：{issuerAddress}；联系电话：{issuerPhone}。", "letter-contacts", new DateTimeOffset(new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)), "system", "初始版本", 1 }
                });

            migrationBuilder.CreateIndex(
                name: "IX_call_attempts_CallTaskId_Number",
                table: "call_attempts",
                columns: new[] { "CallTaskId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_call_tasks_Status_DueAt",
                table: "call_tasks",
                columns: new[] { "Status", "DueAt" });

            migrationBuilder.CreateIndex(
                name: "IX_call_tasks_SubjectId",
                table: "call_tasks",
                column: "SubjectId");

            migrationBuilder.CreateIndex(
                name: "IX_call_tasks_Trigger",
                table: "call_tasks",
                column: "Trigger",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_contact_log_DedupeKey",
                table: "contact_log",
                column: "DedupeKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_contact_log_due",
                table: "contact_log",
                column: "NextAttemptAt",
                filter: "\"Status\" = 'Queued' AND \"Channel\" IN ('Sms', 'WeChat')");

            migrationBuilder.CreateIndex(
                name: "IX_contact_log_ProviderMessageId",
                table: "contact_log",
                column: "ProviderMessageId");

            migrationBuilder.CreateIndex(
                name: "IX_contact_log_SubjectId_CreatedAt",
                table: "contact_log",
                columns: new[] { "SubjectId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "ix_contact_log_unclaimed",
                table: "contact_log",
                column: "Identifier",
                filter: "\"Identifier\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_letters_Number",
                table: "letters",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_letters_PrintedAt",
                table: "letters",
                column: "PrintedAt");

            migrationBuilder.CreateIndex(
                name: "IX_letters_SubjectId",
                table: "letters",
                column: "SubjectId");

            migrationBuilder.CreateIndex(
                name: "IX_letters_Trigger",
                table: "letters",
                column: "Trigger",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_letters_Year_Serial",
                table: "letters",
                columns: new[] { "Year", "Serial" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_notice_templates_Code_Version",
                table: "notice_templates",
                columns: new[] { "Code", "Version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_outbox_messages_unsent",
                table: "outbox_messages",
                column: "created_at",
                filter: "sent_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_subject_contacts_Identifier",
                table: "subject_contacts",
                column: "Identifier");

            migrationBuilder.CreateIndex(
                name: "IX_wechat_bindings_OpenId",
                table: "wechat_bindings",
                column: "OpenId",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "call_attempts");

            migrationBuilder.DropTable(
                name: "channel_preferences");

            migrationBuilder.DropTable(
                name: "contact_log");

            migrationBuilder.DropTable(
                name: "inbox_messages");

            migrationBuilder.DropTable(
                name: "letter_sequences");

            migrationBuilder.DropTable(
                name: "letters");

            migrationBuilder.DropTable(
                name: "notice_templates");

            migrationBuilder.DropTable(
                name: "outbox_messages");

            migrationBuilder.DropTable(
                name: "subject_contacts");

            migrationBuilder.DropTable(
                name: "wechat_bindings");

            migrationBuilder.DropTable(
                name: "call_tasks");
        }
    }
}
