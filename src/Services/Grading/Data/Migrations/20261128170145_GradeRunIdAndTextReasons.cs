using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CreditPower.Grading.Data.Migrations
{
    /// <inheritdoc />
    public partial class GradeRunIdAndTextReasons : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<string>(
                name: "Reasons",
                table: "grades",
                type: "text",
                nullable: false,
                oldClrType: typeof(string),
                oldType: "json");

            migrationBuilder.AddColumn<Guid>(
                name: "RunId",
                table: "grades",
                type: "uuid",
                nullable: true);

            // The run's id leaves the cause of the grades runs wrote for its own column.
            migrationBuilder.Sql("""
                UPDATE grades SET "RunId" = substring("Cause" from '([0-9a-f-]{36})$')::uuid,
                                  "Cause" = CASE WHEN "Cause" LIKE 'monthly%' THEN 'monthly re-evaluation' ELSE 'rule set activated' END
                WHERE "Cause" ~ '^(monthly re-evaluation|rule set activated, run) [0-9a-f-]{36}$'
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                UPDATE grades SET "Cause" = CASE WHEN "Cause" = 'monthly re-evaluation' THEN 'monthly re-evaluation ' ELSE 'rule set activated, run ' END || "RunId"
                WHERE "RunId" IS NOT NULL
                """);

            migrationBuilder.DropColumn(
                name: "RunId",
                table: "grades");

            migrationBuilder.Sql("""ALTER TABLE grades ALTER COLUMN "Reasons" TYPE json USING "Reasons"::json""");
        }
    }
}
