package render

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/cogwiz/cogwiz/internal/users"
)

func TestUsersTableStreamsWithWidthsFromTheFirstPage(t *testing.T) {
	var buf bytes.Buffer
	tbl := NewUsersTable(&buf, true)
	created := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	for i := range users.PageSize {
		if err := tbl.Add(users.User{Username: fmt.Sprintf("u%02d", i), Status: "CONFIRMED", Enabled: true, Email: "a@b.co", Created: created}); err != nil {
			t.Fatal(err)
		}
	}
	if buf.Len() == 0 {
		t.Fatal("the first page was not written once complete")
	}
	if err := tbl.Add(users.User{Username: "a-much-longer-name", Status: "UNCONFIRMED", Email: "x@example.com", Created: created}); err != nil {
		t.Fatal(err)
	}
	if err := tbl.Flush(); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimRight(buf.String(), "\n"), "\n")
	if len(lines) != users.PageSize+2 {
		t.Fatalf("%d lines", len(lines))
	}
	if lines[0] != "USERNAME  STATUS     ENABLED  EMAIL   PHONE  CREATED" {
		t.Errorf("header = %q", lines[0])
	}
	if lines[1] != "u00       CONFIRMED  yes      a@b.co         2026-01-02 03:04" {
		t.Errorf("row = %q", lines[1])
	}
	// Later rows keep the widths and cut what does not fit.
	if want := "a-much-…  UNCONFIR…  no       x@exa…         2026-01-02 03:04"; lines[len(lines)-1] != want {
		t.Errorf("last row = %q, want %q", lines[len(lines)-1], want)
	}
}

func TestUsersTableWithoutTerminalIsTSV(t *testing.T) {
	var buf bytes.Buffer
	tbl := NewUsersTable(&buf, false)
	_ = tbl.Add(users.User{Username: "ada", Status: "CONFIRMED", Email: "a\tb"})
	if got := buf.String(); got != "ada\tCONFIRMED\tno\ta b\t\t\n" {
		t.Fatalf("tsv = %q", got)
	}
}

func TestUsersCount(t *testing.T) {
	for n, want := range map[int]string{0: "0", 999: "999", 1000: "1,000", 1234567: "1,234,567"} {
		if got := UsersCount(n); got != want {
			t.Errorf("UsersCount(%d) = %s, want %s", n, got, want)
		}
	}
}
