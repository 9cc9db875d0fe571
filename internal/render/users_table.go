package render

import (
	"fmt"
	"io"
	"sort"
	"strings"
	"text/tabwriter"
	"time"
	"unicode/utf8"

	"github.com/cogwiz/cogwiz/internal/cognito/users"
)

// usersTableSample is how many rows UsersTable reads before it fixes the
// column widths: one ListUsers page, so that a listing of any size is
// printed in constant memory.
const usersTableSample = users.PageSize

// usersTableMaxWidth caps one column; longer values end in "…".
const usersTableMaxWidth = 40

var usersTableHeader = []string{"USERNAME", "STATUS", "ENABLED", "EMAIL", "PHONE", "CREATED"}

// UsersTable writes users as they stream in. On a terminal it is an
// aligned table whose column widths come from the first page; elsewhere it
// is tab-separated values without a header, for scripts.
type UsersTable struct {
	w        io.Writer
	tty      bool
	maxWidth int
	widths   []int
	hidden   []bool
	pending  [][]string
	started  bool
}

// usersTableMinWidth is the narrowest a column is squeezed to so that a
// row fits the terminal.
const usersTableMinWidth = 12

// usersTableOptional are the columns left out when the first page has no
// value in them (most pools have no phone numbers).
var usersTableOptional = map[string]bool{"EMAIL": true, "PHONE": true}

// SetMaxWidth fits the aligned table into n columns (the terminal's width)
// by shortening the widest columns; 0 means no limit.
func (t *UsersTable) SetMaxWidth(n int) { t.maxWidth = n }

// NewUsersTable returns a table writing to w; tty selects the aligned form.
func NewUsersTable(w io.Writer, tty bool) *UsersTable {
	return &UsersTable{w: w, tty: tty}
}

func usersRow(u users.User) []string {
	enabled := "yes"
	if !u.Enabled {
		enabled = "no"
	}
	created := ""
	if !u.Created.IsZero() {
		created = u.Created.UTC().Format("2006-01-02 15:04")
	}
	return []string{u.Username, u.Status, enabled, u.Email, u.Phone, created}
}

// Add writes one user (or holds it until the column widths are known).
func (t *UsersTable) Add(u users.User) error {
	row := usersRow(u)
	if !t.tty {
		for i, c := range row {
			row[i] = strings.NewReplacer("\t", " ", "\n", " ").Replace(c)
		}
		_, err := fmt.Fprintln(t.w, strings.Join(row, "\t"))
		return err
	}
	if !t.started {
		t.pending = append(t.pending, row)
		if len(t.pending) < usersTableSample {
			return nil
		}
		return t.start()
	}
	return t.line(row)
}

func (t *UsersTable) start() error {
	t.started = true
	t.widths = make([]int, len(usersTableHeader))
	t.hidden = make([]bool, len(usersTableHeader))
	for i, h := range usersTableHeader {
		t.hidden[i] = usersTableOptional[h]
	}
	for _, r := range append([][]string{usersTableHeader}, t.pending...) {
		for i, c := range r {
			t.widths[i] = max(t.widths[i], min(utf8.RuneCountInString(c), usersTableMaxWidth))
		}
	}
	for _, r := range t.pending {
		for i, c := range r {
			if c != "" {
				t.hidden[i] = false
			}
		}
	}
	t.fit()
	if err := t.line(usersTableHeader); err != nil {
		return err
	}
	for _, r := range t.pending {
		if err := t.line(r); err != nil {
			return err
		}
	}
	t.pending = nil
	return nil
}

// fit shortens the widest visible column, one character at a time, until
// a row fits maxWidth or every column is down to usersTableMinWidth.
func (t *UsersTable) fit() {
	if t.maxWidth <= 0 {
		return
	}
	for {
		total, widest := 0, -1
		for i, w := range t.widths {
			if t.hidden[i] {
				continue
			}
			if total > 0 {
				total += 2
			}
			total += w
			if w > usersTableMinWidth && (widest < 0 || w > t.widths[widest]) {
				widest = i
			}
		}
		if total <= t.maxWidth || widest < 0 {
			return
		}
		t.widths[widest]--
	}
}

func (t *UsersTable) line(row []string) error {
	var b strings.Builder
	for i, c := range row {
		if t.hidden[i] {
			continue
		}
		if utf8.RuneCountInString(c) > t.widths[i] {
			c = string([]rune(c)[:t.widths[i]-1]) + "…"
		}
		b.WriteString(c)
		b.WriteString(strings.Repeat(" ", t.widths[i]-utf8.RuneCountInString(c)+2))
	}
	_, err := fmt.Fprintln(t.w, strings.TrimRight(b.String(), " "))
	return err
}

// Flush writes what is still held; call it once at the end.
func (t *UsersTable) Flush() error {
	if t.tty && !t.started && len(t.pending) > 0 {
		return t.start()
	}
	return nil
}

// UserDetail writes one user as "key: value" lines and an attribute list.
// Secrets never reach a User, so nothing here needs masking.
func UserDetail(w io.Writer, u users.User) error {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintf(tw, "username:\t%s\n", u.Username)
	fmt.Fprintf(tw, "status:\t%s\n", u.Status)
	fmt.Fprintf(tw, "enabled:\t%t\n", u.Enabled)
	fmt.Fprintf(tw, "created:\t%s\n", usersTime(u.Created))
	fmt.Fprintf(tw, "modified:\t%s\n", usersTime(u.Modified))
	mfa := "none"
	if len(u.MFA) > 0 {
		mfa = strings.Join(u.MFA, ", ")
		if u.PreferredMFA != "" {
			mfa += " (preferred: " + u.PreferredMFA + ")"
		}
	}
	fmt.Fprintf(tw, "mfa:\t%s\n", mfa)
	if err := tw.Flush(); err != nil {
		return err
	}
	fmt.Fprintln(w, "attributes:")
	tw = tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	names := u.AttributeNames()
	sort.Strings(names)
	for _, k := range names {
		fmt.Fprintf(tw, "  %s\t%s\n", k, u.Attributes[k])
	}
	return tw.Flush()
}

// UserGroups writes a user's groups; tty adds a header.
func UserGroups(w io.Writer, groups []users.Group, tty bool) error {
	if !tty {
		for _, g := range groups {
			prec := ""
			if g.Precedence != nil {
				prec = fmt.Sprint(*g.Precedence)
			}
			fmt.Fprintf(w, "%s\t%s\t%s\n", g.Name, prec, g.Description)
		}
		return nil
	}
	if len(groups) == 0 {
		_, err := fmt.Fprintln(w, "(no groups)")
		return err
	}
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "GROUP\tPRECEDENCE\tDESCRIPTION")
	for _, g := range groups {
		prec := "-"
		if g.Precedence != nil {
			prec = fmt.Sprint(*g.Precedence)
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\n", g.Name, prec, g.Description)
	}
	return tw.Flush()
}

func usersTime(t time.Time) string {
	if t.IsZero() {
		return "-"
	}
	return t.UTC().Format(time.RFC3339)
}

// UsersCount formats n with thousands separators: 12,345.
func UsersCount(n int) string {
	s := fmt.Sprint(n)
	if n < 0 {
		return "-" + UsersCount(-n)
	}
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}
