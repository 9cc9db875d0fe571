// Command gendocs writes docs/questions.md from the embedded question files.
// Run it with `go generate ./questions`.
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/cogwiz/cogwiz/internal/config"
	"github.com/cogwiz/cogwiz/internal/questions"
)

func main() {
	out := flag.String("o", "docs/questions.md", "output file")
	flag.Parse()
	g, err := questions.Default()
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	if err := config.WriteFileAtomic(*out, questions.Markdown(g), 0o644); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
