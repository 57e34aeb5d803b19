using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CreditPower.Grading.Data.Migrations
{
    /// <inheritdoc />
    public partial class BalancedReevaluationRanges : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "From",
                table: "reevaluation_partitions",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "To",
                table: "reevaluation_partitions",
                type: "uuid",
                nullable: true);

            // The ranges of runs started before: equal slices of the uuid space on its first four bytes, as they were
            // worked out then, so a run left unfinished goes on over the same ranges rather than over everything.
            migrationBuilder.Sql(
                """
                UPDATE reevaluation_partitions SET
                    "From" = CASE WHEN "Partition" = 0 THEN NULL
                             ELSE (lpad(to_hex("Partition"::bigint * 4294967296 / "Of"), 8, '0') || repeat('0', 24))::uuid END,
                    "To" = CASE WHEN "Partition" = "Of" - 1 THEN NULL
                           ELSE (lpad(to_hex(("Partition" + 1)::bigint * 4294967296 / "Of"), 8, '0') || repeat('0', 24))::uuid END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "From",
                table: "reevaluation_partitions");

            migrationBuilder.DropColumn(
                name: "To",
                table: "reevaluation_partitions");
        }
    }
}
