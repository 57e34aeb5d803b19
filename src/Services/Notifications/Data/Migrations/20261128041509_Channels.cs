using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CreditPower.Notifications.Data.Migrations
{
    /// <inheritdoc />
    public partial class Channels : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "Attempts",
                table: "contact_log",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "DeliveredAt",
                table: "contact_log",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "LastError",
                table: "contact_log",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "NextAttemptAt",
                table: "contact_log",
                type: "timestamp with time zone",
                nullable: false,
                defaultValue: new DateTimeOffset(new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)));

            migrationBuilder.AddColumn<string>(
                name: "Parameters",
                table: "contact_log",
                type: "jsonb",
                nullable: false,
                defaultValue: "{}");

            migrationBuilder.AddColumn<string>(
                name: "ProviderMessageId",
                table: "contact_log",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Recipient",
                table: "contact_log",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "SentAt",
                table: "contact_log",
                type: "timestamp with time zone",
                nullable: true);

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
                name: "subject_contacts",
                columns: table => new
                {
                    SubjectId = table.Column<Guid>(type: "uuid", nullable: false),
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

            migrationBuilder.CreateIndex(
                name: "ix_contact_log_due",
                table: "contact_log",
                column: "NextAttemptAt",
                filter: "\"Status\" = 'Queued'");

            migrationBuilder.CreateIndex(
                name: "IX_contact_log_ProviderMessageId",
                table: "contact_log",
                column: "ProviderMessageId");

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
                name: "channel_preferences");

            migrationBuilder.DropTable(
                name: "subject_contacts");

            migrationBuilder.DropTable(
                name: "wechat_bindings");

            migrationBuilder.DropIndex(
                name: "ix_contact_log_due",
                table: "contact_log");

            migrationBuilder.DropIndex(
                name: "IX_contact_log_ProviderMessageId",
                table: "contact_log");

            migrationBuilder.DropColumn(
                name: "Attempts",
                table: "contact_log");

            migrationBuilder.DropColumn(
                name: "DeliveredAt",
                table: "contact_log");

            migrationBuilder.DropColumn(
                name: "LastError",
                table: "contact_log");

            migrationBuilder.DropColumn(
                name: "NextAttemptAt",
                table: "contact_log");

            migrationBuilder.DropColumn(
                name: "Parameters",
                table: "contact_log");

            migrationBuilder.DropColumn(
                name: "ProviderMessageId",
                table: "contact_log");

            migrationBuilder.DropColumn(
                name: "Recipient",
                table: "contact_log");

            migrationBuilder.DropColumn(
                name: "SentAt",
                table: "contact_log");
        }
    }
}
