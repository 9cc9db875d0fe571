package builtin

import (
	"reflect"
	"testing"

	"github.com/cogwiz/cogwiz/internal/questions"
)

// The compiled graph is the YAML files: the same questions, in the same
// order, field for field (value types included).
func TestGraphIsTheQuestionFiles(t *testing.T) {
	want, err := questions.Default()
	if err != nil {
		t.Fatal(err)
	}
	got, err := Graph()
	if err != nil {
		t.Fatal(err)
	}
	const fix = "run go generate ./internal/questions/builtin after changing questions/*.yaml"
	if len(got.Questions) != len(want.Questions) {
		t.Fatalf("%d questions compiled, %d in the files: %s", len(got.Questions), len(want.Questions), fix)
	}
	for i, q := range want.Questions {
		if !reflect.DeepEqual(got.Questions[i], q) {
			t.Errorf("question %d (%s) differs from the files: %s\n got %#v\nwant %#v", i, q.ID, fix, got.Questions[i], q)
		}
		if g, ok := got.Lookup(q.ID); !ok || g != got.Questions[i] {
			t.Errorf("Lookup(%q) does not find it", q.ID)
		}
	}
}

// The compiled Amplify table is questions/amplify.yaml, row for row.
func TestParityIsTheAmplifyFile(t *testing.T) {
	want, err := questions.DefaultParity()
	if err != nil {
		t.Fatal(err)
	}
	got := Parity()
	if len(got.Prompts) != len(want.Prompts) || len(got.Prompts) == 0 {
		t.Fatalf("%d prompts compiled, %d in the file: run go generate ./internal/questions/builtin", len(got.Prompts), len(want.Prompts))
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("the compiled Amplify table differs from questions/amplify.yaml: run go generate ./internal/questions/builtin")
	}
}
