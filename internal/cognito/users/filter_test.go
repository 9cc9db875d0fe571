package users

import (
	"errors"
	"strings"
	"testing"
)

func TestParseFilter(t *testing.T) {
	for _, tc := range []struct {
		in, want string
	}{
		{`email ^= "jo"`, `email ^= "jo"`},
		{`email^="jo"`, `email ^= "jo"`},
		{`  email = "a@b.c" `, `email = "a@b.c"`},
		{`name = "say \"hi\""`, `name = "say \"hi\""`},
		{`cognito:user_status = "unconfirmed"`, `cognito:user_status = "unconfirmed"`},
		{`sub = "0f8e"`, `sub = "0f8e"`},
		{`phone_number ^= "+1555"`, `phone_number ^= "+1555"`},
	} {
		f, err := ParseFilter(tc.in)
		if err != nil {
			t.Errorf("ParseFilter(%q): %v", tc.in, err)
			continue
		}
		if got := f.String(); got != tc.want {
			t.Errorf("ParseFilter(%q) = %s, want %s", tc.in, got, tc.want)
		}
	}
}

func TestParseFilterRejects(t *testing.T) {
	for _, tc := range []struct {
		in, msg, hint string
	}{
		{`custom:tier = "gold"`, "cannot be searched", "filter on one of"},
		{`nickname = "x"`, "not a searchable attribute", "Cognito can search"},
		{`email ~= "x"`, "operator must be", `ATTRIBUTE = "VALUE"`},
		{`email = jo`, "double quotes", ""},
		{`email = "jo`, "closing quote", ""},
		{`email = "a" and name = "b"`, "one attribute only", ""},
		{`= "x"`, "start with an attribute", ""},
		{`cognito:user_status = "happy"`, "unknown user status", "FORCE_CHANGE_PASSWORD"},
		{`email ^= "` + strings.Repeat("a", 300) + `"`, "Cognito allows 256", ""},
	} {
		_, err := ParseFilter(tc.in)
		var e *Error
		if !errors.As(err, &e) {
			t.Errorf("ParseFilter(%q) = %v, want an *Error", tc.in, err)
			continue
		}
		if !strings.Contains(e.Msg, tc.msg) || !strings.Contains(e.Hint, tc.hint) {
			t.Errorf("ParseFilter(%q) = %q (hint %q), want %q / hint %q", tc.in, e.Msg, e.Hint, tc.msg, tc.hint)
		}
	}
}

func TestQueryFilter(t *testing.T) {
	for _, tc := range []struct {
		q    Query
		want string
	}{
		{Query{}, ""},
		{Query{EmailPrefix: `jo"x`}, `email ^= "jo\"x"`},
		{Query{Status: "force_change_password"}, `cognito:user_status = "FORCE_CHANGE_PASSWORD"`},
		{Query{Expr: `email^="a"`}, `email ^= "a"`},
	} {
		got, err := tc.q.Filter()
		if err != nil || got != tc.want {
			t.Errorf("%+v.Filter() = %q, %v; want %q", tc.q, got, err, tc.want)
		}
	}
	_, err := Query{EmailPrefix: "a", Status: "CONFIRMED"}.Filter()
	if err == nil || !strings.Contains(err.Error(), "--email-prefix and --status cannot be combined") {
		t.Errorf("two attributes: err = %v", err)
	}
	_, err = Query{Status: "sleepy"}.Filter()
	if err == nil || !strings.Contains(err.Error(), `unknown user status "sleepy"`) {
		t.Errorf("bad status: err = %v", err)
	}
}
