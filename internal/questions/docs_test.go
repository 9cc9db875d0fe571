package questions_test

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/cogwiz/cogwiz/internal/questions"
)

// TestDocsAreCurrent fails when docs/questions.md no longer matches the
// question files; `go generate ./questions` rewrites it.
func TestDocsAreCurrent(t *testing.T) {
	want := questions.Markdown(load(t), parity(t))
	got, err := os.ReadFile(filepath.Join("..", "..", "docs", "questions.md"))
	if err != nil {
		t.Fatalf("%v; run go generate ./questions", err)
	}
	if !bytes.Equal(got, want) {
		t.Fatal("docs/questions.md is stale; run go generate ./questions")
	}
}

// TestParityDocIsCurrent fails when docs/amplify-parity.md no longer
// matches questions/amplify.yaml and the question files.
func TestParityDocIsCurrent(t *testing.T) {
	want := questions.ParityMarkdown(load(t), parity(t))
	got, err := os.ReadFile(filepath.Join("..", "..", "docs", "amplify-parity.md"))
	if err != nil {
		t.Fatalf("%v; run go generate ./questions", err)
	}
	if !bytes.Equal(got, want) {
		t.Fatal("docs/amplify-parity.md is stale; run go generate ./questions")
	}
}
