using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CreditPower.Notifications.Data.Migrations
{
    /// <inheritdoc />
    public partial class DispatchQueueIndexBySendableChannel : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_contact_log_due",
                table: "contact_log");

            migrationBuilder.CreateIndex(
                name: "ix_contact_log_due",
                table: "contact_log",
                column: "NextAttemptAt",
                filter: "\"Status\" = 'Queued' AND \"Channel\" IN ('Sms', 'WeChat')");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_contact_log_due",
                table: "contact_log");

            migrationBuilder.CreateIndex(
                name: "ix_contact_log_due",
                table: "contact_log",
                column: "NextAttemptAt",
                filter: "\"Status\" = 'Queued'");
        }
    }
}
