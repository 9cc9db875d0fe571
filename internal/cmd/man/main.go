// Command man writes the manual pages of cogwiz (section 1), one per
// command, into a directory. The release runs it before building (see
// .goreleaser.yaml), so the pages match the binary they ship with while
// the binary itself carries no page generator:
//
//	go run ./internal/cmd/man -version 1.2.3 manpages
package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/spf13/cobra"
	"github.com/spf13/cobra/doc"

	"github.com/cogwiz/cogwiz/internal/cmd/root"
	"github.com/cogwiz/cogwiz/internal/cmdutil"
)

func main() { os.Exit(run(os.Args[1:], os.Stderr)) }

func run(args []string, stderr io.Writer) int {
	fl := flag.NewFlagSet("man", flag.ContinueOnError)
	fl.SetOutput(stderr)
	version := fl.String("version", "dev", "the cogwiz `version` the pages name")
	fl.Usage = func() {
		fmt.Fprintln(stderr, "usage: go run ./internal/cmd/man [-version VERSION] DIR")
		fl.PrintDefaults()
	}
	if err := fl.Parse(args); err != nil {
		return 2
	}
	if fl.NArg() != 1 {
		fl.Usage()
		return 2
	}
	dir := fl.Arg(0)
	if err := write(root.NewCmdRoot(cmdutil.New(*version)), *version, dir); err != nil {
		fmt.Fprintf(stderr, "error: man: %v\n", err)
		return 1
	}
	fmt.Fprintf(stderr, "wrote manual pages to %s\n", dir)
	return 0
}

// write generates the pages of the command tree into dir.
func write(cmd *cobra.Command, version, dir string) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	header := &doc.GenManHeader{Title: "COGWIZ", Section: "1", Source: "cogwiz " + version, Manual: "cogwiz manual"}
	// Pages are generated beside their destination and renamed into place,
	// so an interrupted run never leaves a half-written page.
	tmp, err := os.MkdirTemp(dir, ".man-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	if err := doc.GenManTree(cmd, header, tmp); err != nil {
		return err
	}
	pages, err := os.ReadDir(tmp)
	if err != nil {
		return err
	}
	for _, p := range pages {
		if err := os.Chmod(filepath.Join(tmp, p.Name()), 0o644); err != nil {
			return err
		}
		if err := os.Rename(filepath.Join(tmp, p.Name()), filepath.Join(dir, p.Name())); err != nil {
			return err
		}
	}
	return nil
}
