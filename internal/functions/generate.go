package functions

import (
	"bytes"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"

	"github.com/cogwiz/cogwiz/internal/config"
)

//go:embed templates
var templates embed.FS

// ManifestFile sits at the top of the source folder, outside every
// function's own folder, so it never ships with a function. It records the
// SHA-256 of each file as cogwiz last wrote it: a file whose content no
// longer matches was edited by the user and is left alone. A manifest
// rather than a hash comment in each file keeps the sources plain code the
// user owns (a formatter cannot break the record), covers every byte, and
// lets cogwiz recognise a file it no longer needs as its own and remove it.
const ManifestFile = "cogwiz-generated.json"

// ManifestPath is the manifest of the sources generated for the
// configuration at configFile.
func ManifestPath(configFile string, c *config.Config) string {
	return filepath.Join(filepath.Dir(configFile), filepath.FromSlash(SourceDir(c)), ManifestFile)
}

// Status is what Generate did with one file.
type Status string

// The statuses, as the report prints them.
const (
	Written   Status = "written"
	Updated   Status = "updated"
	Unchanged Status = "unchanged"
	Kept      Status = "edited by you, left alone"
	Removed   Status = "removed (no longer used)"
	// Unused is a file cogwiz generated and no longer needs, which the
	// user edited: it stays, and cogwiz forgets it.
	Unused Status = "no longer used, edited by you, left alone"
)

// FileResult is one file Generate looked at.
type FileResult struct {
	// Path is relative to the project directory, with forward slashes.
	Path   string
	Status Status
	// Note adds what the user may need to do, e.g. an import an edited
	// index.mjs lacks.
	Note string
}

// Result is what Generate did.
type Result struct {
	// Dir is the source folder relative to the project directory.
	Dir   string
	Files []FileResult
}

type manifest struct {
	About string            `json:"about"`
	Files map[string]string `json:"files"`
}

const manifestAbout = "cogwiz records here what it generated, to tell your edits from its own output: " +
	"a file whose SHA-256 differs is yours and is never overwritten. Commit this file with the sources."

// Generate writes the sources of every function cogwiz generates for cfg
// below projectDir (the directory of cognito.yaml), leaving alone every
// file the user edited. Each file is written atomically; the manifest is
// written last, so an interruption at worst makes a file look edited until
// its content matches again.
func Generate(projectDir string, cfg *config.Config) (*Result, error) {
	dir := cfg.FunctionsSourceDir()
	if err := config.CheckFunctionsSourceDir(dir); err != nil {
		return nil, fmt.Errorf("functions.source_dir %q %v", dir, err)
	}
	dir = slashDir(dir)
	root := filepath.Join(projectDir, filepath.FromSlash(dir))
	want, err := sources(cfg)
	if err != nil {
		return nil, err
	}
	old, err := readManifest(filepath.Join(root, ManifestFile))
	if err != nil {
		return nil, err
	}
	g := &generation{project: projectDir, root: root, dir: dir, old: old, record: map[string]string{}, res: &Result{Dir: dir}}
	for _, rel := range slices.Sorted(maps.Keys(want)) {
		if err := g.file(rel, want[rel]); err != nil {
			return g.res, err
		}
	}
	for _, rel := range slices.Sorted(maps.Keys(old)) {
		if _, ok := want[rel]; !ok {
			if err := g.drop(rel); err != nil {
				return g.res, err
			}
		}
	}
	noteMissingImports(g.res, root, want)
	return g.res, g.saveManifest()
}

// generation is one run of Generate.
type generation struct {
	// project is the directory of cognito.yaml; root is the source folder
	// in it, dir the same relative to project, with forward slashes.
	project, root, dir string
	// old is the manifest as read; record is what the new one will hold.
	old, record map[string]string
	res         *Result
}

func (g *generation) report(rel string, s Status) {
	g.res.Files = append(g.res.Files, FileResult{Path: path.Join(g.dir, rel), Status: s})
}

// file brings one generated file up to date unless the user edited it.
func (g *generation) file(rel string, content []byte) error {
	p := filepath.Join(g.root, filepath.FromSlash(rel))
	sum := hash(content)
	cur, err := readRegular(p)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		if err := g.write(rel, content); err != nil {
			return err
		}
		g.record[rel] = sum
		g.report(rel, Written)
	case err != nil:
		return err
	case cur == nil:
		// A link or another kind of file: the user put it there.
		g.keepRecord(rel)
		g.report(rel, Kept)
	case hash(cur) == sum:
		g.record[rel] = sum
		g.report(rel, Unchanged)
	case g.old[rel] == hash(cur):
		if err := g.write(rel, content); err != nil {
			return err
		}
		g.record[rel] = sum
		g.report(rel, Updated)
	default:
		g.keepRecord(rel)
		g.report(rel, Kept)
	}
	return nil
}

// keepRecord keeps what cogwiz last wrote for an edited file, so that the
// file counts as cogwiz's again if the user undoes the edit.
func (g *generation) keepRecord(rel string) {
	if s, ok := g.old[rel]; ok {
		g.record[rel] = s
	}
}

// drop removes a file cogwiz generated and no longer needs, unless the
// user edited it.
func (g *generation) drop(rel string) error {
	p := filepath.Join(g.root, filepath.FromSlash(rel))
	cur, err := readRegular(p)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil
	case err != nil:
		return err
	case cur != nil && hash(cur) == g.old[rel]:
		if err := os.Remove(p); err != nil {
			return err
		}
		// The trigger's folder goes too once nothing of the user's is left in it.
		_ = os.Remove(filepath.Dir(p))
		g.report(rel, Removed)
	default:
		g.report(rel, Unused)
	}
	return nil
}

func (g *generation) saveManifest() error {
	p := filepath.Join(g.root, ManifestFile)
	if len(g.record) == 0 {
		if len(g.old) > 0 {
			if err := os.Remove(p); err != nil && !errors.Is(err, fs.ErrNotExist) {
				return err
			}
			_ = os.Remove(g.root)
		}
		return nil
	}
	if maps.Equal(g.record, g.old) {
		return nil
	}
	data, err := json.MarshalIndent(manifest{About: manifestAbout, Files: g.record}, "", "  ")
	if err != nil {
		return err
	}
	return g.write(ManifestFile, append(data, '\n'))
}

func readManifest(p string) (map[string]string, error) {
	data, err := readRegular(p)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return map[string]string{}, nil
	case err != nil:
		return nil, err
	}
	var m manifest
	if data == nil || json.Unmarshal(data, &m) != nil || m.Files == nil {
		// Without a readable record every existing file counts as edited:
		// nothing is overwritten, and the files cogwiz writes are recorded anew.
		return map[string]string{}, nil
	}
	return m.Files, nil
}

// readRegular reads a regular file; for anything else at p (a directory,
// a link, a device) it returns nil and no error, so that cogwiz never
// writes through a link into a file outside the project.
func readRegular(p string) ([]byte, error) {
	fi, err := os.Lstat(p)
	if err != nil {
		return nil, err
	}
	if !fi.Mode().IsRegular() {
		return nil, nil
	}
	return os.ReadFile(p)
}

// write writes p atomically, first making sure that no folder on the way
// from the project directory is a link, which could lead the write
// outside the project.
func (g *generation) write(rel string, data []byte) error {
	p := g.project
	for _, part := range strings.Split(path.Join(g.dir, path.Dir(rel)), "/") {
		if part == "." {
			continue
		}
		p = filepath.Join(p, part)
		if fi, err := os.Lstat(p); err == nil && fi.Mode()&fs.ModeSymlink != 0 {
			return fmt.Errorf("%s is a link: cogwiz writes the function sources only into real folders inside the project", p)
		}
	}
	full := filepath.Join(g.project, filepath.FromSlash(path.Join(g.dir, rel)))
	if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
		return err
	}
	return config.WriteFileAtomic(full, data, 0o644)
}

func hash(b []byte) string {
	s := sha256.Sum256(b)
	return "sha256:" + hex.EncodeToString(s[:])
}

// sources renders every generated file, keyed by its path below the
// source folder: <trigger>/index.mjs and <trigger>/<module>.mjs.
func sources(cfg *config.Config) (map[string][]byte, error) {
	out := map[string][]byte{}
	for _, f := range Functions(cfg) {
		index, err := renderIndex(f)
		if err != nil {
			return nil, err
		}
		out[f.Trigger+"/index.mjs"] = index
		for _, file := range f.Files[1:] {
			b, err := templates.ReadFile("templates/" + f.Trigger + "/" + file)
			if err != nil {
				return nil, err
			}
			out[f.Trigger+"/"+file] = b
		}
	}
	return out, nil
}

// triggerDocs names each trigger and links its AWS page, for index.mjs.
var triggerDocs = map[string][2]string{
	"pre_sign_up":                    {"Pre sign-up", "user-pool-lambda-pre-sign-up.html"},
	"custom_message":                 {"Custom message", "user-pool-lambda-custom-message.html"},
	"post_confirmation":              {"Post confirmation", "user-pool-lambda-post-confirmation.html"},
	"define_auth_challenge":          {"Define auth challenge", "user-pool-lambda-define-auth-challenge.html"},
	"create_auth_challenge":          {"Create auth challenge", "user-pool-lambda-create-auth-challenge.html"},
	"verify_auth_challenge_response": {"Verify auth challenge response", "user-pool-lambda-verify-auth-challenge-response.html"},
	"pre_token_generation":           {"Pre token generation", "user-pool-lambda-pre-token-generation.html"},
}

// renderIndex writes index.mjs. Plain string building, not text/template:
// a template engine in the binary makes the linker keep every exported
// method of every type (it may call them by name), which slows start-up.
func renderIndex(f Function) ([]byte, error) {
	doc := triggerDocs[f.Trigger]
	var b bytes.Buffer
	fmt.Fprintf(&b, `// %s trigger of your Cognito user pool (user_pool.triggers.%s),
// generated by cogwiz for: %s.
// These files are yours: cogwiz never overwrites a file you have edited.
//
// Every module below receives the same event and they run at the same
// time, as in Amplify's trigger template. If one throws, Cognito refuses
// the request and the app receives the error's message.
// https://docs.aws.amazon.com/cognito/latest/developerguide/%s
`, doc[0], f.Trigger, strings.Join(f.Capabilities, ", "), doc[1])
	var idents []string
	for _, file := range f.Files[1:] {
		id := ident(file)
		idents = append(idents, id)
		fmt.Fprintf(&b, "import * as %s from './%s';\n", id, file)
	}
	fmt.Fprintf(&b, `
const modules = [%s];

export const handler = async (event, context) => {
  await Promise.all(modules.map((m) => m.handler(event, context)));
  return event;
};
`, strings.Join(idents, ", "))
	return b.Bytes(), nil
}

// ident turns a module file name into a JavaScript identifier:
// add-user-to-group.mjs → addUserToGroup.
func ident(file string) string {
	parts := strings.Split(strings.TrimSuffix(file, ".mjs"), "-")
	for i := 1; i < len(parts); i++ {
		parts[i] = strings.ToUpper(parts[i][:1]) + parts[i][1:]
	}
	return strings.Join(parts, "")
}

// noteMissingImports tells the user when an index.mjs they edited does
// not import a module cogwiz now generates beside it, so the capability
// would silently not run.
func noteMissingImports(r *Result, root string, want map[string][]byte) {
	for i, fr := range r.Files {
		rel := strings.TrimPrefix(fr.Path, r.Dir+"/")
		if fr.Status != Kept || path.Base(rel) != "index.mjs" {
			continue
		}
		cur, err := readRegular(filepath.Join(root, filepath.FromSlash(rel)))
		if err != nil || cur == nil {
			continue
		}
		var missing []string
		for other := range want {
			if path.Dir(other) == path.Dir(rel) && path.Base(other) != "index.mjs" && !bytes.Contains(cur, []byte("./"+path.Base(other))) {
				missing = append(missing, path.Base(other))
			}
		}
		if len(missing) > 0 {
			slices.Sort(missing)
			r.Files[i].Note = "it does not import " + strings.Join(missing, ", ") + "; add the import so the capability runs"
		}
	}
}
