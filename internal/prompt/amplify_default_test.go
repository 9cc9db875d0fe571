package prompt

import (
	"context"
	"strings"
	"testing"
)

// Where the ⭐ and Amplify's preselected answer differ, both prompters say
// so in one line, so that an Amplify user pressing Enter is not surprised.
func TestAmplifyDefaultLine(t *testing.T) {
	q := Question{ID: "groups_enabled", Kind: Confirm, Title: "Do you want to add User Pool Groups?", Default: false,
		RecommendedWhy: "add groups when the app has roles", AmplifyDefault: "Yes"}
	if got := screen(t, NewModel(q, false, 80)); !strings.Contains(got, "Amplify's default: Yes") {
		t.Errorf("terminal screen lacks the Amplify default line:\n%s", got)
	}
	var out strings.Builder
	if _, err := NewAccessible(strings.NewReader("\n"), &out).Ask(context.Background(), q); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "Amplify's default: Yes\n") {
		t.Errorf("accessible output lacks the Amplify default line:\n%s", out.String())
	}
	q.AmplifyDefault = ""
	if got := screen(t, NewModel(q, false, 80)); strings.Contains(got, "Amplify's default") {
		t.Errorf("the line shows without an Amplify default:\n%s", got)
	}
}
