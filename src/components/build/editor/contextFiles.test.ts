/**
 * The build context as listed (Dockerfile first, names relative to /root/app), the guard on a
 * new file's name (nothing may leave the context), the command line Build types, and which
 * highlighting a file gets.
 */
import { describe, expect, it } from 'vitest';
import { buildCommand, tagProblem } from './buildCommand';
import { contextFiles, fileNameProblem, languageOf } from './contextFiles';

const FILES = {
  '/root/app/package.json': '{}',
  '/root/app/Dockerfile': 'FROM node\n',
  '/root/app/.dockerignore': 'node_modules\n',
  '/root/app/app.js': '',
  '/root/apple.txt': 'not in the context',
  '/etc/docker/daemon.json': '{}',
};

describe('contextFiles', () => {
  it('lists the files under /root/app only, the Dockerfile first, then by name', () => {
    expect(contextFiles(FILES).map((f) => f.name)).toEqual([
      'Dockerfile',
      '.dockerignore',
      'app.js',
      'package.json',
    ]);
    expect(contextFiles(FILES)[0]?.path).toBe('/root/app/Dockerfile');
  });
});

describe('fileNameProblem', () => {
  it.each([
    ['server.js', null],
    ['src/util.js', null],
    ['.env', null],
    ['  public/index.html  ', null],
    ['', 'empty'],
    ['   ', 'empty'],
    ['a'.repeat(101), 'tooLong'],
    ['/etc/passwd', 'absolute'],
    ['~/x', 'absolute'],
    ['../x', 'parent'],
    ['src/../../x', 'parent'],
    ['./x', 'parent'],
    ['-rf', 'characters'],
    ['a b', 'characters'],
    ['x;rm', 'characters'],
    ['src//x', 'characters'],
    ['src/', 'characters'],
    ['app.js', 'exists'],
    ['app.js/inner', 'exists'],
  ])('%j -> %s', (name, problem) => {
    expect(fileNameProblem(name, FILES)).toBe(problem);
  });

  it('refuses a file where a folder of the context already is', () => {
    expect(fileNameProblem('src', { '/root/app/src/a.js': '' })).toBe('exists');
  });
});

describe('the Build command', () => {
  it('builds /root/app with the tag', () => {
    expect(buildCommand('app')).toBe('docker build -t app /root/app');
  });

  it('leaves reference checks to the CLI but keeps shell characters out of the line', () => {
    expect(tagProblem('app:v2')).toBeNull();
    expect(tagProblem('Registry.example:5000/team/App@x')).toBeNull();
    expect(tagProblem('')).toBe('empty');
    for (const bad of ['a b', 'a;b', '$(x)', "a'b", 'a*', 'a|b'])
      expect(tagProblem(bad)).toBe('characters');
  });
});

describe('languageOf', () => {
  it.each([
    ['/root/app/Dockerfile', 'dockerfile'],
    ['/root/app/Dockerfile.dev', 'dockerfile'],
    ['/root/app/build.dockerfile', 'dockerfile'],
    ['/root/app/app.js', 'javascript'],
    ['/root/app/package.json', 'json'],
    ['/root/app/index.html', 'html'],
    ['/root/app/.dockerignore', 'plain'],
  ])('%s -> %s', (path, language) => {
    expect(languageOf(path)).toBe(language);
  });
});
