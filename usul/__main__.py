from usul.cli import main

main()
