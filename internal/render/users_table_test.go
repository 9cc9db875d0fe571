package render

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/cogwiz/cogwiz/internal/cognito/users"
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
	if lines[0] != "USERNAME  STATUS     ENABLED  EMAIL   CREATED" {
		t.Errorf("header = %q", lines[0])
	}
	if lines[1] != "u00       CONFIRMED  yes      a@b.co  2026-01-02 03:04" {
		t.Errorf("row = %q", lines[1])
	}
	// Later rows keep the widths and cut what does not fit.
	if want := "a-much-…  UNCONFIR…  no       x@exa…  2026-01-02 03:04"; lines[len(lines)-1] != want {
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

// On an 80-column terminal a pool of UUID usernames and long emails still
// gets one line per user: the widest columns are shortened, and the phone
// column, empty on the first page, is left out.
func TestUsersTableFitsTheTerminal(t *testing.T) {
	var buf bytes.Buffer
	tbl := NewUsersTable(&buf, true)
	tbl.SetMaxWidth(80)
	created := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	for _, email := range []string{"alice.longname@example.com", "bob@example.org"} {
		u := users.User{Username: "152826c1-9176-4d69-80b5-5408d5e19a6a", Status: "FORCE_CHANGE_PASSWORD", Enabled: true, Email: email, Created: created}
		if err := tbl.Add(u); err != nil {
			t.Fatal(err)
		}
	}
	if err := tbl.Flush(); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimRight(buf.String(), "\n"), "\n")
	if len(lines) != 3 {
		t.Fatalf("%d lines:\n%s", len(lines), buf.String())
	}
	for _, l := range lines {
		if n := len([]rune(l)); n > 80 {
			t.Errorf("line of %d columns: %q", n, l)
		}
	}
	if strings.Contains(lines[0], "PHONE") || !strings.Contains(lines[0], "EMAIL") {
		t.Errorf("header = %q", lines[0])
	}
	if !strings.HasSuffix(lines[1], "2026-01-02 03:04") {
		t.Errorf("row lost its creation date: %q", lines[1])
	}
}
