using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CreditPower.Notifications.Data.Migrations
{
    /// <inheritdoc />
    public partial class NotificationsContactIdentifiers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Identifier",
                table: "subject_contacts",
                type: "character varying(18)",
                maxLength: 18,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Identifier",
                table: "contact_log",
                type: "character varying(18)",
                maxLength: 18,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_subject_contacts_Identifier",
                table: "subject_contacts",
                column: "Identifier");

            migrationBuilder.CreateIndex(
                name: "ix_contact_log_unclaimed",
                table: "contact_log",
                column: "Identifier",
                filter: "\"Identifier\" IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_subject_contacts_Identifier",
                table: "subject_contacts");

            migrationBuilder.DropIndex(
                name: "ix_contact_log_unclaimed",
                table: "contact_log");

            migrationBuilder.DropColumn(
                name: "Identifier",
                table: "subject_contacts");

            migrationBuilder.DropColumn(
                name: "Identifier",
                table: "contact_log");
        }
    }
}
