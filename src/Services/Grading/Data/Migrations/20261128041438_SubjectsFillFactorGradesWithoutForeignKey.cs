using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CreditPower.Grading.Data.Migrations
{
    /// <inheritdoc />
    public partial class SubjectsFillFactorGradesWithoutForeignKey : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_grades_subjects_SubjectId",
                table: "grades");

            migrationBuilder.AlterTable(
                name: "subjects")
                .Annotation("Npgsql:StorageParameter:fillfactor", 50);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterTable(
                name: "subjects")
                .OldAnnotation("Npgsql:StorageParameter:fillfactor", 50);

            migrationBuilder.AddForeignKey(
                name: "FK_grades_subjects_SubjectId",
                table: "grades",
                column: "SubjectId",
                principalTable: "subjects",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);
        }
    }
}
