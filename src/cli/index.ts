console.log('anjian cli', process.argv.slice(2));
